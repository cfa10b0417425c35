use leptos::prelude::*;

/// The numbers behind a chart, folded under it: the chart's alternative for
/// anyone who does not read the drawing.
#[component]
pub fn DataTable(caption: String, head: Vec<String>, rows: Vec<Vec<String>>) -> impl IntoView {
    view! {
        <details class="data-table">
            <summary>"Show the numbers"</summary>
            <table>
                <caption>{caption}</caption>
                <thead>
                    <tr>{head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| {
                            let mut cells = r.into_iter();
                            let first = cells.next().unwrap_or_default();
                            view! {
                                <tr>
                                    <th scope="row">{first}</th>
                                    {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </details>
    }
}
