//! XML Schema's regular expressions (Part 2, Appendix F), translated to the
//! regex crate's.
//!
//! The dialect differs from Perl's in ways that matter: a pattern matches the
//! whole value (no anchors: `^` and `$` are ordinary characters), character
//! classes subtract (`[a-z-[aeiou]]`), `\i` and `\c` are XML name
//! characters, `\p{IsBasicLatin}` names a Unicode block, `\w` is "not
//! punctuation, separator or other", `.` is anything but a line end, and
//! there are no backreferences, lookaround, lazy quantifiers or flags.
//!
//! It is XSD 1.0's dialect with XSD 1.1's two relaxations, so that a schema
//! valid in either is read: a `-` in a class that starts neither a range nor
//! a subtraction is itself (`[a-z-+]`), and an unknown block name
//! (`\p{IsKlingon}`) matches every character. The
//! translation parses the XSD syntax itself and builds the regex crate's
//! syntax tree ([`regex_syntax::hir::Hir`]), so that nothing of Perl's
//! syntax leaks in: every character class is spelled out as ranges.

use std::fmt;

use regex::Regex;
use regex_syntax::hir::{
    Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition,
};

use super::blocks::BLOCKS;
use super::names::{NAME_MORE, NAME_START};

/// How much memory one compiled pattern may take (the regex crate's own
/// default, 10 MiB, refuses `\p{L}{1,100}`-sized patterns that schemas do use).
const SIZE_LIMIT: usize = 64 << 20;

/// How deeply groups may nest.
const NEST_LIMIT: usize = 100;

/// A pattern that is not a valid XML Schema regular expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError {
    /// The pattern, as written.
    pub pattern: String,
    /// Where the problem is, in characters from the start.
    pub position: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid pattern {:?} at character {}: {}",
            self.pattern, self.position, self.message
        )
    }
}

impl std::error::Error for PatternError {}

/// Checks that `pattern` is a valid XML Schema regular expression and that it
/// compiles: what a generator calls on each `xs:pattern` before it emits it,
/// to report a bad one at generation time.
///
/// ```
/// use xsd_runtime::facets::validate_pattern;
/// assert!(validate_pattern(r"[A-Z]{2}\d{3}-[\i-[:]]\c*").is_ok());
/// assert!(validate_pattern(r"(?i)abc").is_err());
/// ```
pub fn validate_pattern(pattern: &str) -> Result<(), String> {
    compile(&[pattern]).map(drop).map_err(|e| e.to_string())
}

/// The regex crate's syntax for `pattern`, an XML Schema regular expression,
/// anchored at both ends (`\A` and `\z`), every class spelled out as ranges:
/// what a pattern facet matches with, for a look at it.
///
/// The dialect is XSD's (Part 2, Appendix F): the pattern matches the whole
/// value; `^` and `$` are ordinary characters; classes subtract
/// (`[a-z-[aeiou]]`); `\i` and `\c` are XML 1.0 (fifth edition) name
/// characters; `\p{IsBasicLatin}` is one of XSD 1.0's Unicode 3.1 blocks
/// and `\p{Lu}` a general category (of the regex crate's Unicode version);
/// `\d` is `\p{Nd}`, `\w` all but punctuation, separators and "other", `\s`
/// space, tab, line feed and carriage return, `.` all but line feed and
/// carriage return; there are no backreferences, lookaround, lazy
/// quantifiers or flags. XSD 1.1's two relaxations are read too: a `-` in a
/// class that is neither a range's nor a subtraction's is itself, and an
/// unknown block name matches every character.
///
/// ```
/// use xsd_runtime::facets::translate_pattern;
/// assert_eq!(translate_pattern("a$").unwrap(), r"(?:\A(?:a\$)\z)");
/// assert_eq!(translate_pattern(r"[a-e-[bd]]x").unwrap(), r"(?:\A[ace]x\z)");
/// ```
pub fn translate_pattern(pattern: &str) -> Result<String, PatternError> {
    Ok(anchored(vec![parse(pattern)?]).to_string())
}

/// One regex that matches a whole value when any of `alternatives` does (the
/// patterns of one restriction step).
pub(crate) fn compile(alternatives: &[&str]) -> Result<Regex, PatternError> {
    let branches = alternatives
        .iter()
        .map(|p| parse(p))
        .collect::<Result<Vec<_>, _>>()?;
    let syntax = anchored(branches).to_string();
    regex::RegexBuilder::new(&syntax)
        .size_limit(SIZE_LIMIT)
        .build()
        .map_err(|e| PatternError {
            pattern: alternatives.join(" | "),
            position: 0,
            message: match e {
                regex::Error::CompiledTooBig(_) => "too large to compile".to_string(),
                other => other.to_string(),
            },
        })
}

fn anchored(alternatives: Vec<Hir>) -> Hir {
    Hir::concat(vec![
        Hir::look(Look::Start),
        Hir::alternation(alternatives),
        Hir::look(Look::End),
    ])
}

/// Parses one XSD regular expression.
fn parse(pattern: &str) -> Result<Hir, PatternError> {
    let mut parser = Parser {
        pattern,
        chars: pattern.chars().collect(),
        pos: 0,
        depth: 0,
    };
    let hir = parser.reg_exp()?;
    match parser.peek() {
        None => Ok(hir),
        Some(')') => Err(parser.error("a `)` closes no group")),
        Some(c) => Err(parser.error(format!("unexpected `{c}`"))),
    }
}

/// What an escape or a class item stands for.
enum Atom {
    Char(char),
    Class(ClassUnicode),
}

struct Parser<'a> {
    pattern: &'a str,
    chars: Vec<char>,
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        let found = self.peek() == Some(c);
        if found {
            self.pos += 1;
        }
        found
    }

    fn error(&self, message: impl Into<String>) -> PatternError {
        PatternError {
            pattern: self.pattern.to_string(),
            position: self.pos,
            message: message.into(),
        }
    }

    /// `regExp ::= branch ( '|' branch )*`
    fn reg_exp(&mut self) -> Result<Hir, PatternError> {
        let mut branches = vec![self.branch()?];
        while self.eat('|') {
            branches.push(self.branch()?);
        }
        Ok(Hir::alternation(branches))
    }

    /// `branch ::= piece*`
    fn branch(&mut self) -> Result<Hir, PatternError> {
        let mut pieces = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            pieces.push(self.piece()?);
        }
        Ok(Hir::concat(pieces))
    }

    /// `piece ::= atom quantifier?`
    fn piece(&mut self) -> Result<Hir, PatternError> {
        let atom = self.atom()?;
        let (min, max) = match self.peek() {
            Some('{') => {
                self.pos += 1;
                self.quantity()?
            }
            Some(c @ ('?' | '*' | '+')) => {
                self.pos += 1;
                match c {
                    '?' => (0, Some(1)),
                    '*' => (0, None),
                    _ => (1, None),
                }
            }
            _ => return Ok(atom),
        };
        if let Some(c @ ('?' | '*' | '+' | '{')) = self.peek() {
            return Err(self.error(format!(
                "`{c}` cannot follow a quantifier (XSD has no lazy or possessive quantifiers)"
            )));
        }
        // The syntax printer writes a repetition of a repetition without a
        // group (`((ab){2})?` as `(?:ab){2}?`, a lazy quantifier): a group
        // keeps them apart.
        let atom = match atom.kind() {
            HirKind::Repetition(_) => Hir::capture(Capture {
                index: 1,
                name: None,
                sub: Box::new(atom),
            }),
            _ => atom,
        };
        Ok(Hir::repetition(Repetition {
            min,
            max,
            greedy: true,
            sub: Box::new(atom),
        }))
    }

    /// `quantity ::= quantRange | quantMin | QuantExact`, after the `{`,
    /// up to and including the `}`.
    fn quantity(&mut self) -> Result<(u32, Option<u32>), PatternError> {
        let min = self
            .number()?
            .ok_or_else(|| self.error("a quantifier `{` must start with a number"))?;
        let max = if self.eat(',') {
            self.number()?
        } else {
            Some(min)
        };
        if !self.eat('}') {
            return Err(self.error("expected `}` to end the quantifier"));
        }
        if max.is_some_and(|max| max < min) {
            return Err(self.error(format!(
                "the quantifier {{{min},{}}} is out of order",
                max.unwrap_or(0)
            )));
        }
        Ok((min, max))
    }

    fn number(&mut self) -> Result<Option<u32>, PatternError> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if start == self.pos {
            return Ok(None);
        }
        let digits: String = self.chars[start..self.pos].iter().collect();
        digits
            .parse()
            .map(Some)
            .map_err(|_| self.error("a quantifier's number is too large"))
    }

    /// `atom ::= Char | charClass | ( '(' regExp ')' )`
    fn atom(&mut self) -> Result<Hir, PatternError> {
        let start = self.pos;
        let c = self.next().ok_or_else(|| self.error("unexpected end"))?;
        Ok(match c {
            '(' => {
                self.depth += 1;
                if self.depth > NEST_LIMIT {
                    return Err(self.error("groups are nested too deeply"));
                }
                let inner = self.reg_exp()?;
                if !self.eat(')') {
                    self.pos = start;
                    return Err(self.error("the group `(` is not closed"));
                }
                self.depth -= 1;
                inner
            }
            '[' => class(self.class_expr()?),
            '.' => {
                let mut dot = ClassUnicode::new([
                    ClassUnicodeRange::new('\n', '\n'),
                    ClassUnicodeRange::new('\r', '\r'),
                ]);
                dot.negate();
                class(dot)
            }
            '\\' => match self.escape()? {
                Atom::Char(c) => literal(c),
                Atom::Class(c) => class(c),
            },
            '?' | '*' | '+' => {
                self.pos = start;
                return Err(self.error(format!("the quantifier `{c}` follows nothing")));
            }
            '{' | '}' | ']' => {
                self.pos = start;
                return Err(self.error(format!("`{c}` must be escaped as `\\{c}`")));
            }
            c => literal(c),
        })
    }

    /// `charClassExpr ::= '[' charGroup ']'`, after the `[`.
    fn class_expr(&mut self) -> Result<ClassUnicode, PatternError> {
        let start = self.pos - 1;
        let negated = self.eat('^');
        let mut set = ClassUnicode::empty();
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                self.pos = start;
                return Err(self.error("the character class `[` is not closed"));
            };
            match c {
                ']' if first => return Err(self.error("an empty character class")),
                ']' => {
                    self.pos += 1;
                    if negated {
                        set.negate();
                    }
                    return Ok(set);
                }
                '-' if !first && self.peek_at(1) == Some('[') => {
                    // charClassSub: everything before, minus the class after.
                    self.pos += 2;
                    let subtracted = self.class_expr()?;
                    if negated {
                        set.negate();
                    }
                    set.difference(&subtracted);
                    if !self.eat(']') {
                        return Err(
                            self.error("a subtraction `-[...]` must end its character class")
                        );
                    }
                    return Ok(set);
                }
                _ => set.union(&self.class_item()?),
            }
            first = false;
        }
    }

    /// A character range, a single character or an escape in a class.
    ///
    /// XSD 1.0 allows an unescaped `-` only first or last in a group; XSD
    /// 1.1 reads one that is neither a range's nor a subtraction's as
    /// itself (`[a-z-+]`, `[\d-z]`), and so does this.
    fn class_item(&mut self) -> Result<ClassUnicode, PatternError> {
        let low = match self.class_atom()? {
            Atom::Class(class) => return Ok(class),
            Atom::Char(c) => c,
        };
        if self.peek() == Some('-') && !matches!(self.peek_at(1), Some(']' | '[') | None) {
            self.pos += 1;
            let high = match self.class_atom()? {
                Atom::Char(c) => c,
                Atom::Class(_) => {
                    return Err(self.error("a range cannot end with a multi-character escape"));
                }
            };
            if high < low {
                return Err(self.error(format!("the range {low}-{high} is out of order")));
            }
            return Ok(ClassUnicode::new([ClassUnicodeRange::new(low, high)]));
        }
        Ok(ClassUnicode::new([ClassUnicodeRange::new(low, low)]))
    }

    /// One character or escape in a class.
    fn class_atom(&mut self) -> Result<Atom, PatternError> {
        let c = self
            .next()
            .ok_or_else(|| self.error("the character class `[` is not closed"))?;
        match c {
            '\\' => self.escape(),
            '[' => {
                self.pos -= 1;
                Err(self.error("`[` must be escaped in a character class"))
            }
            c => Ok(Atom::Char(c)),
        }
    }

    /// An escape, after the `\`.
    fn escape(&mut self) -> Result<Atom, PatternError> {
        let c = self
            .next()
            .ok_or_else(|| self.error("a `\\` ends the pattern"))?;
        Ok(match c {
            'n' => Atom::Char('\n'),
            'r' => Atom::Char('\r'),
            't' => Atom::Char('\t'),
            '\\' | '|' | '.' | '?' | '*' | '+' | '(' | ')' | '{' | '}' | '-' | '[' | ']' | '^' => {
                Atom::Char(c)
            }
            's' | 'S' => Atom::Class(complemented(c == 'S', whitespace())),
            'i' | 'I' => Atom::Class(complemented(c == 'I', ranges(NAME_START))),
            'c' | 'C' => {
                let mut name = ranges(NAME_START);
                name.union(&ranges(NAME_MORE));
                Atom::Class(complemented(c == 'C', name))
            }
            'd' | 'D' => Atom::Class(complemented(c == 'D', category("Nd"))),
            'w' | 'W' => {
                // All but punctuation, separators and "other" characters.
                let mut not_word = category("P");
                not_word.union(&category("Z"));
                not_word.union(&category("C"));
                Atom::Class(complemented(c == 'w', not_word))
            }
            'p' | 'P' => Atom::Class(complemented(c == 'P', self.property()?)),
            c => {
                self.pos -= 1;
                return Err(self.error(format!("`\\{c}` is not an XSD escape")));
            }
        })
    }

    /// `{name}` after `\p` or `\P`: a general category or a block.
    fn property(&mut self) -> Result<ClassUnicode, PatternError> {
        if !self.eat('{') {
            return Err(self.error("expected `{` after `\\p`"));
        }
        let start = self.pos;
        while self.peek().is_some_and(|c| c != '}') {
            self.pos += 1;
        }
        let name: String = self.chars[start..self.pos].iter().collect();
        if !self.eat('}') {
            return Err(self.error("expected `}` to end `\\p{...}`"));
        }
        if let Some(block) = name.strip_prefix("Is") {
            if block.is_empty() || !block.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                self.pos = start;
                return Err(self.error(format!("`{name}` is no block name")));
            }
            let mut set = ClassUnicode::empty();
            let mut found = false;
            for &(_, lo, hi) in BLOCKS.iter().filter(|(n, ..)| *n == block) {
                found = true;
                if let (Some(lo), Some(hi)) = (char::from_u32(lo), char::from_u32(hi)) {
                    set.push(ClassUnicodeRange::new(lo, hi));
                }
            }
            if !found {
                // XSD 1.0 makes an unknown block an error; XSD 1.1 lets it
                // match every character (so that a schema written for a
                // later Unicode still works), and so does this.
                set.negate();
            }
            return Ok(set);
        }
        if CATEGORIES.contains(&name.as_str()) {
            return Ok(category(&name));
        }
        self.pos = start;
        Err(self.error(format!("unknown character category `{name}`")))
    }
}

/// The general categories XML Schema 1.0 names.
const CATEGORIES: &[&str] = &[
    "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc",
    "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Z", "Zs", "Zl", "Zp", "S", "Sm", "Sc", "Sk", "So", "C",
    "Cc", "Cf", "Co", "Cn",
];

/// The characters of a general category, from the regex crate's Unicode tables.
fn category(name: &str) -> ClassUnicode {
    let hir = regex_syntax::Parser::new()
        .parse(&format!(r"\p{{{name}}}"))
        .unwrap_or_else(|e| unreachable!("the category {name} is in the tables: {e}"));
    match hir.into_kind() {
        HirKind::Class(Class::Unicode(class)) => class,
        // A category of one character (Zl, Zp) is simplified to it.
        HirKind::Literal(literal) => ClassUnicode::new(
            String::from_utf8_lossy(&literal.0)
                .chars()
                .map(|c| ClassUnicodeRange::new(c, c)),
        ),
        other => unreachable!("\\p{{{name}}} parsed as {other:?}"),
    }
}

/// `\s`: space, tab, line feed, carriage return.
fn whitespace() -> ClassUnicode {
    ClassUnicode::new([' ', '\t', '\n', '\r'].map(|c| ClassUnicodeRange::new(c, c)))
}

fn ranges(ranges: &[(char, char)]) -> ClassUnicode {
    ClassUnicode::new(
        ranges
            .iter()
            .map(|&(lo, hi)| ClassUnicodeRange::new(lo, hi)),
    )
}

fn complemented(negate: bool, mut class: ClassUnicode) -> ClassUnicode {
    if negate {
        class.negate();
    }
    class
}

fn class(class: ClassUnicode) -> Hir {
    Hir::class(Class::Unicode(class))
}

fn literal(c: char) -> Hir {
    Hir::literal(c.to_string().into_bytes())
}
