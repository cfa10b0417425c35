//! Markup that never changes once drawn, as plain data: a chart, its legend,
//! the table of its numbers. Leptos compiles every distinct `view!` shape into
//! code of its own (build, mount, rebuild, unmount, per element type); a
//! drawing of a dozen shapes paid for all of them, and is redrawn whole
//! anyway when its figures change. Here the shapes are values, and one small
//! function turns any of them into DOM nodes.
//!
//! Text goes in as text nodes and attribute values through `setAttribute`,
//! so nothing a user wrote is ever read as markup.

use leptos::html::Div;
use leptos::prelude::*;

use crate::ui::memo::effect;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// A piece of static markup.
pub enum Node {
    El(El),
    Text(String),
    /// Siblings with no element around them.
    List(Vec<Node>),
}

/// One element: its name, attributes and children.
pub struct El {
    svg: bool,
    tag: &'static str,
    attrs: Vec<(&'static str, String)>,
    kids: Vec<Node>,
}

/// An HTML element.
pub fn h(tag: &'static str) -> El {
    El {
        svg: false,
        tag,
        attrs: Vec::new(),
        kids: Vec::new(),
    }
}

/// An SVG element.
pub fn s(tag: &'static str) -> El {
    El {
        svg: true,
        ..h(tag)
    }
}

impl El {
    pub fn at(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.attrs.push((name, value.into()));
        self
    }

    /// A number attribute (coordinates, sizes), written as Rust writes it.
    pub fn num(self, name: &'static str, value: f64) -> Self {
        self.at(name, value.to_string())
    }

    pub fn kid(mut self, node: impl Into<Node>) -> Self {
        self.kids.push(node.into());
        self
    }

    pub fn kids(mut self, nodes: impl IntoIterator<Item = Node>) -> Self {
        self.kids.extend(nodes);
        self
    }

    /// Text inside the element.
    pub fn text(self, text: impl Into<String>) -> Self {
        self.kid(Node::Text(text.into()))
    }
}

impl From<El> for Node {
    fn from(e: El) -> Self {
        Node::El(e)
    }
}

impl From<Vec<Node>> for Node {
    fn from(v: Vec<Node>) -> Self {
        Node::List(v)
    }
}

/// Appends `node` to `parent` as DOM nodes. The DOM calls fail only for an
/// invalid tag or attribute name; every name here is a constant of this file's
/// callers, so a failure is a bug in them and the element is left out.
fn append(parent: &web_sys::Node, node: &Node, doc: &web_sys::Document) {
    match node {
        Node::Text(t) => {
            let _ = parent.append_child(&doc.create_text_node(t));
        }
        Node::List(nodes) => {
            for n in nodes {
                append(parent, n, doc);
            }
        }
        Node::El(e) => {
            let made = if e.svg {
                doc.create_element_ns(Some(SVG_NS), e.tag)
            } else {
                doc.create_element(e.tag)
            };
            let Ok(el) = made else { return };
            for (name, value) in &e.attrs {
                let _ = el.set_attribute(name, value);
            }
            for kid in &e.kids {
                append(&el, kid, doc);
            }
            let _ = parent.append_child(&el);
        }
    }
}

/// A place on the page that shows `draw()`, drawn again whenever what it
/// reads changes. The holder is laid out as if it were not there
/// (`display: contents`), so the markup sits where a `view!` would have put it.
pub fn tree_view(draw: impl Fn() -> Node + 'static) -> AnyView {
    // Boxed, so the effect and the holder are compiled once, not once per
    // drawing: each copy cost about a kilobyte of download.
    drawn(Box::new(draw))
}

fn drawn(draw: Box<dyn Fn() -> Node>) -> AnyView {
    let host = NodeRef::<Div>::new();
    effect(move || {
        let node = draw();
        if let Some(host) = host.get() {
            host.set_text_content(None);
            append(&host, &node, &document());
        }
    });
    view! { <div class="tree" node_ref=host></div> }.into_any()
}
