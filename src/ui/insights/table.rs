use crate::domain::insights::tables::Table;
use crate::ui::tree::{h, Node};

/// The numbers behind a chart, folded under it: the chart's alternative for
/// anyone who does not read the drawing.
pub fn data_table(t: Table) -> Node {
    let head = h("tr").kids(
        t.head
            .into_iter()
            .map(|c| h("th").at("scope", "col").text(c).into()),
    );
    let body = t.rows.into_iter().map(|r| {
        let mut cells = r.into_iter();
        let first = cells.next().unwrap_or_default();
        h("tr")
            .kid(h("th").at("scope", "row").text(first))
            .kids(cells.map(|c| h("td").text(c).into()))
            .into()
    });
    h("details")
        .at("class", "data-table")
        .kid(h("summary").text("Show the numbers"))
        .kid(
            h("table")
                .kid(h("caption").text(t.caption))
                .kid(h("thead").kid(head))
                .kid(h("tbody").kids(body)),
        )
        .into()
}
