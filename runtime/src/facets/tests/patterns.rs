//! XSD regular expressions: what each construct matches and refuses, and the
//! patterns that are errors.

use super::super::pattern::compile;
use super::super::{translate_pattern, validate_pattern};

/// `pattern` matches each of `yes` and none of `no`, whole.
#[track_caller]
fn matches(pattern: &str, yes: &[&str], no: &[&str]) {
    let regex = compile(&[pattern]).unwrap_or_else(|e| panic!("{e}"));
    for text in yes {
        assert!(regex.is_match(text), "{pattern:?} should match {text:?}");
    }
    for text in no {
        assert!(
            !regex.is_match(text),
            "{pattern:?} should not match {text:?}"
        );
    }
}

#[test]
fn a_pattern_matches_the_whole_value() {
    matches("abc", &["abc"], &["xabc", "abcx", "ab", ""]);
    matches("a|bc", &["a", "bc"], &["abc", "b", ""]);
    matches("a|", &["a", ""], &["b"]);
    matches("", &[""], &["a"]);
    matches("()", &[""], &["a"]);
    matches("(ab)*c", &["c", "ababc"], &["abac", "ab"]);
    // A repetition of a repetition (the syntax printer needs a group there).
    matches("((ab){2})?", &["", "abab"], &["ab", "ababab"]);
    matches("(a{2})*b", &["b", "aab", "aaaab"], &["ab", "aaab"]);
}

#[test]
fn anchors_are_ordinary_characters() {
    matches("^a$", &["^a$"], &["a", "^a", "a$"]);
    matches("[$^]+", &["$^$"], &[""]);
    assert_eq!(translate_pattern("a$").unwrap(), r"(?:\A(?:a\$)\z)");
}

#[test]
fn quantifiers() {
    matches("a?", &["", "a"], &["aa"]);
    matches("a*", &["", "aaaa"], &["b"]);
    matches("a+", &["a", "aaa"], &[""]);
    matches("a{2}", &["aa"], &["a", "aaa"]);
    matches("a{2,3}", &["aa", "aaa"], &["a", "aaaa"]);
    matches("a{2,}", &["aa", "aaaaaa"], &["a"]);
    matches("a{0}", &[""], &["a"]);
    matches("a{0,0}b", &["b"], &["ab"]);
    matches(r"\d{3}-\d{4}", &["555-1234"], &["5551234", "55-1234"]);
}

#[test]
fn escapes_of_single_characters() {
    matches(
        r"\n\r\t\\\|\.\-\^\?\*\+\{\}\(\)\[\]",
        &["\n\r\t\\|.-^?*+{}()[]"],
        &[""],
    );
    matches(r"a\.b", &["a.b"], &["axb"]);
}

#[test]
fn the_dot_is_anything_but_a_line_end() {
    matches(
        ".",
        &["a", " ", "\t", "é", "中", "\u{10000}"],
        &["\n", "\r", "", "ab"],
    );
}

#[test]
fn multi_character_escapes_are_xsd_s() {
    matches(
        r"\s",
        &[" ", "\t", "\n", "\r"],
        &["\u{A0}", "\u{2003}", "a"],
    );
    matches(r"\S", &["a", "\u{A0}"], &[" ", "\n"]);
    // \d is every decimal digit of Unicode, not only ASCII.
    matches(r"\d", &["0", "9", "٣", "५"], &["a", "½", "Ⅷ"]);
    matches(r"\D", &["a", "½"], &["5", "٣"]);
    // \w is all but punctuation, separators and "other": symbols are in,
    // the underscore (connector punctuation) is out.
    matches(
        r"\w",
        &["a", "É", "5", "+", "$", "中"],
        &["_", "!", " ", "-", ".", "\u{7}"],
    );
    matches(r"\W", &["!", " ", "-", "\u{AD}"], &["a", "+"]);
}

#[test]
fn name_character_escapes() {
    matches(
        r"\i\c*",
        &["_a1", ":x", "é-b.c", "a·b"],
        &["1a", "-a", ".a", "a b", ""],
    );
    matches(r"\I", &["1", "-", " "], &["a", "_", ":"]);
    matches(r"\C", &[" ", "!", "/"], &["a", "1", "-", ".", ":"]);
    // NCName, as the XSD spec writes it.
    matches(r"[\i-[:]][\c-[:]]*", &["a1", "_x.y"], &["a:b", ":a"]);
}

#[test]
fn categories() {
    matches(r"\p{Lu}", &["A", "É", "Ω"], &["a", "1"]);
    matches(r"\P{Lu}", &["a", "1"], &["A"]);
    matches(r"\p{L}+", &["abcÉ中"], &["a1"]);
    matches(r"\p{Ll}\p{Nd}\p{Sc}\p{Zs}\p{Pd}", &["a1€ -"], &["A1€ -"]);
    matches(r"\p{N}", &["1", "½", "Ⅷ"], &["a"]);
    matches(r"\p{Co}", &["\u{E000}"], &["a"]);
    matches(r"\p{C}", &["\u{7}", "\u{AD}"], &["a"]);
    matches(r"\p{M}", &["\u{301}"], &["a"]);
}

#[test]
fn blocks() {
    matches(r"\p{IsBasicLatin}+", &["abc~\u{7F}"], &["é"]);
    matches(r"\P{IsBasicLatin}", &["é", "中"], &["a"]);
    matches(r"\p{IsLatin-1Supplement}", &["é", "\u{80}"], &["a", "ā"]);
    matches(r"\p{IsLatinExtended-A}", &["ā"], &["é"]);
    matches(r"\p{IsGreek}", &["α", "Ω"], &["a"]);
    matches(r"\p{IsCJKUnifiedIdeographs}", &["中"], &["a"]);
    matches(r"\p{IsHalfwidthandFullwidthForms}", &["Ａ"], &["A"]);
    matches(
        r"\p{IsPrivateUse}",
        &["\u{E000}", "\u{F8FF}", "\u{F0000}", "\u{10FFFD}"],
        &["a"],
    );
    matches(r"\p{IsSpecials}", &["\u{FEFF}", "\u{FFFD}"], &["\u{FFFE}"]);
    matches(r"\p{IsMathematicalAlphanumericSymbols}", &["𝐀"], &["A"]);
    // No string holds a surrogate: the block matches nothing.
    matches(r"a\p{IsHighSurrogates}?", &["a"], &["a\u{D7FF}"]);
}

#[test]
fn character_classes() {
    matches("[abc]", &["a", "c"], &["d", "ab"]);
    matches("[a-c]", &["a", "b", "c"], &["d"]);
    matches("[^a-c]", &["d", "\n"], &["a", "b"]);
    matches("[-a]", &["-", "a"], &["b"]);
    matches("[a-]", &["-", "a"], &["b"]);
    matches(r"[\-a]", &["-", "a"], &["b"]);
    matches("[a^]", &["^", "a"], &["b"]);
    matches(r"[\^a]", &["^", "a"], &["b"]);
    matches(r"[\p{L}\d_]+", &["a1_é"], &["a-1"]);
    matches(r"[\s\n]", &[" ", "\n"], &["a"]);
    matches(r"[.]", &["."], &["a"]);
    matches(r"[\]\[]", &["[", "]"], &["a"]);
}

#[test]
fn class_subtraction() {
    matches("[a-z-[aeiou]]+", &["bcd", "xyz"], &["bad", "e"]);
    matches("[a-z-[b-y-[c]]]", &["a", "c", "z"], &["b", "d", "y"]);
    // Negation, then subtraction.
    matches("[^a-c-[D]]", &["E", "d"], &["a", "D"]);
    matches(r"[\d-[5]]", &["4", "٣"], &["5"]);
    matches(r"[\p{L}-[\p{Lu}]]", &["a"], &["A", "1"]);
    // A `-` may end the group before the subtraction.
    matches("[a-z--[b-z]]", &["a", "-"], &["b", "z"]);
}

#[test]
fn invalid_patterns_are_errors() {
    for pattern in [
        "(a",
        "a)",
        "[a",
        "[]",
        "[^]",
        "a**",
        "a+?",
        "a{2}{3}",
        "a{2",
        "a{,2}",
        "a{3,2}",
        "*a",
        "a|*",
        "{",
        "}",
        "a{x}",
        "]",
        "\\",
        r"\x",
        r"\b",
        r"\1",
        r"\$",
        r"\p{Foo}",
        r"\p{Is}",
        r"\p{IsA B}",
        r"\p{Lu",
        r"\pL",
        r"\p{Greek}",
        r"[a-\d]",
        "[z-a]",
        "[[a]]",
        "[a-[b]c]",
        "(?:a)",
        "(?i)a",
    ] {
        let error = validate_pattern(pattern)
            .err()
            .unwrap_or_else(|| panic!("{pattern:?} should be an error"));
        assert!(
            error.starts_with(&format!("invalid pattern {pattern:?} at character ")),
            "{error}"
        );
    }
    assert_eq!(
        validate_pattern("ab{3,2}").unwrap_err(),
        r#"invalid pattern "ab{3,2}" at character 7: the quantifier {3,2} is out of order"#
    );
    assert_eq!(
        validate_pattern(r"[a-z]\p{Klingon}").unwrap_err(),
        r#"invalid pattern "[a-z]\\p{Klingon}" at character 8: unknown character category `Klingon`"#
    );
}

#[test]
fn xsd_1_1_relaxations() {
    // A hyphen that is neither a range's nor a subtraction's is itself.
    matches("[a-z-+]*", &["a-+z", ""], &["A", "*"]);
    matches("[a-c-1-4x-z-7-9]+", &["a-1x-9"], &["d", "5"]);
    matches("[^a-d-b-c]", &["e", "x"], &["a", "-", "c"]);
    matches(r"[\d-z]", &["1", "-", "z"], &["a"]);
    matches("[a-c-e]", &["b", "-", "e"], &["d"]);
    // An unknown block matches every character.
    matches(r"\p{IsKlingon}", &["a", "\u{F8D0}", "\n"], &["", "ab"]);
    matches(r"\P{IsKlingon}?", &[""], &["a"]);
}

#[test]
fn the_patterns_of_a_step_are_alternatives() {
    let regex = compile(&["[0-9]+", "[a-z]+"]).unwrap();
    assert!(regex.is_match("123") && regex.is_match("abc"));
    assert!(!regex.is_match("a1"));
    let error = compile(&["a", "(b"]).unwrap_err();
    assert_eq!(error.pattern, "(b");
}

#[test]
fn large_repetitions_of_large_classes_compile() {
    matches(r"\p{L}{1,200}", &["abc"], &[""]);
    matches(r"[\i-[:]][\c-[:]]{0,500}", &["a"], &[""]);
}
