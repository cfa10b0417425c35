//! CSV as RFC 4180 writes it: cells separated by commas, quoted when they
//! hold a comma, a quote or a line break, quotes inside doubled. Reading is
//! lenient where a spreadsheet's export is sloppy (a stray quote inside an
//! unquoted cell stays text, LF or CRLF both end a record) and strict about
//! the one fault that loses data: a quoted cell that never closes, as in a
//! file cut short. (`csv-core` closes such a cell silently at the end of
//! input, so it could not say the file was truncated.)

/// One record and the line of the file it starts on (1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub cells: Vec<String>,
}

/// Every record of `text`; blank lines are skipped. `Err(line)` is the line
/// where a quoted cell opens that is never closed.
pub fn read(text: &str) -> Result<Vec<Record>, usize> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    let mut start = 1;
    let mut quoted = false;
    let mut quote_line = 0;
    // A cell is quoted only when its first character is a quote.
    let mut at_cell_start = true;
    let end_record = |cells: &mut Vec<String>, cell: &mut String, out: &mut Vec<Record>, start| {
        cells.push(std::mem::take(cell));
        let record = std::mem::take(cells);
        if !(record.len() == 1 && record[0].trim().is_empty()) {
            out.push(Record {
                line: start,
                cells: record,
            });
        }
    };
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                _ => {
                    if c == '\n' {
                        line += 1;
                    }
                    cell.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if at_cell_start => {
                quoted = true;
                quote_line = line;
                at_cell_start = false;
            }
            ',' => {
                cells.push(std::mem::take(&mut cell));
                at_cell_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                end_record(&mut cells, &mut cell, &mut out, start);
                line += 1;
                start = line;
                at_cell_start = true;
            }
            _ => {
                cell.push(c);
                at_cell_start = false;
            }
        }
    }
    if quoted {
        return Err(quote_line);
    }
    if !cell.is_empty() || !cells.is_empty() {
        end_record(&mut cells, &mut cell, &mut out, start);
    }
    Ok(out)
}

/// Appends one CSV row, CRLF-terminated as RFC 4180 has it.
pub fn write_row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let c = c.as_ref();
        if c.contains([',', '"', '\n', '\r']) || c.starts_with(' ') || c.ends_with(' ') {
            out.push('"');
            out.push_str(&c.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(c);
        }
    }
    out.push_str("\r\n");
}
