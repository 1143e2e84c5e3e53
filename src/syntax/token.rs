//! Tokens: the interface between the tokenizer and the parser.
//!
//! Kinds and operator names follow CPython's `token` module, so `cpjit tokenize` can print them exactly as
//! `python3 -m tokenize` (and `-e` for exact operator names) does. In 3.11 an f-string is one STRING
//! token; the parser splits it.

/// A position in the source: 1-based line, 0-based column counted in UTF-8 bytes (as CPython's AST) and
/// in code points (as the `tokenize` module prints it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
    pub col_chars: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokKind {
    EndMarker,
    Name,
    Number,
    String,
    Newline,
    Indent,
    Dedent,
    Op(Op),
    Comment,
    /// A newline that does not end a logical line (blank line, or inside brackets).
    Nl,
    Encoding,
    ErrorToken,
}

impl TokKind {
    /// COMMENT, NL and ENCODING: in the stream as `tokenize` prints it, skipped by the parser.
    pub fn is_trivia(self) -> bool {
        matches!(self, TokKind::Comment | TokKind::Nl | TokKind::Encoding)
    }
    /// The name `tokenize` prints for this kind (`OP` for every operator).
    pub fn name(self) -> &'static str {
        match self {
            TokKind::EndMarker => "ENDMARKER",
            TokKind::Name => "NAME",
            TokKind::Number => "NUMBER",
            TokKind::String => "STRING",
            TokKind::Newline => "NEWLINE",
            TokKind::Indent => "INDENT",
            TokKind::Dedent => "DEDENT",
            TokKind::Op(_) => "OP",
            TokKind::Comment => "COMMENT",
            TokKind::Nl => "NL",
            TokKind::Encoding => "ENCODING",
            TokKind::ErrorToken => "ERRORTOKEN",
        }
    }
    /// The name `tokenize -e` prints (the exact operator name for operators).
    pub fn exact_name(self) -> &'static str {
        match self {
            TokKind::Op(op) => op.name(),
            k => k.name(),
        }
    }
}

macro_rules! ops {
    ($($variant:ident = $text:literal, $name:literal;)*) => {
        /// Every operator and delimiter of Python 3.11, with its `token` module name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Op { $($variant,)* }
        impl Op {
            pub const ALL: &'static [Op] = &[$(Op::$variant,)*];
            pub fn text(self) -> &'static str { match self { $(Op::$variant => $text,)* } }
            pub fn name(self) -> &'static str { match self { $(Op::$variant => $name,)* } }
            pub fn from_text(s: &str) -> Option<Op> { match s { $($text => Some(Op::$variant),)* _ => None } }
        }
    };
}

ops! {
    LPar = "(", "LPAR";
    RPar = ")", "RPAR";
    LSqb = "[", "LSQB";
    RSqb = "]", "RSQB";
    Colon = ":", "COLON";
    Comma = ",", "COMMA";
    Semi = ";", "SEMI";
    Plus = "+", "PLUS";
    Minus = "-", "MINUS";
    Star = "*", "STAR";
    Slash = "/", "SLASH";
    VBar = "|", "VBAR";
    Amper = "&", "AMPER";
    Less = "<", "LESS";
    Greater = ">", "GREATER";
    Equal = "=", "EQUAL";
    Dot = ".", "DOT";
    Percent = "%", "PERCENT";
    LBrace = "{", "LBRACE";
    RBrace = "}", "RBRACE";
    EqEqual = "==", "EQEQUAL";
    NotEqual = "!=", "NOTEQUAL";
    LessEqual = "<=", "LESSEQUAL";
    GreaterEqual = ">=", "GREATEREQUAL";
    Tilde = "~", "TILDE";
    Circumflex = "^", "CIRCUMFLEX";
    LeftShift = "<<", "LEFTSHIFT";
    RightShift = ">>", "RIGHTSHIFT";
    DoubleStar = "**", "DOUBLESTAR";
    PlusEqual = "+=", "PLUSEQUAL";
    MinEqual = "-=", "MINEQUAL";
    StarEqual = "*=", "STAREQUAL";
    SlashEqual = "/=", "SLASHEQUAL";
    PercentEqual = "%=", "PERCENTEQUAL";
    AmperEqual = "&=", "AMPEREQUAL";
    VBarEqual = "|=", "VBAREQUAL";
    CircumflexEqual = "^=", "CIRCUMFLEXEQUAL";
    LeftShiftEqual = "<<=", "LEFTSHIFTEQUAL";
    RightShiftEqual = ">>=", "RIGHTSHIFTEQUAL";
    DoubleStarEqual = "**=", "DOUBLESTAREQUAL";
    DoubleSlash = "//", "DOUBLESLASH";
    DoubleSlashEqual = "//=", "DOUBLESLASHEQUAL";
    At = "@", "AT";
    AtEqual = "@=", "ATEQUAL";
    RArrow = "->", "RARROW";
    Ellipsis = "...", "ELLIPSIS";
    ColonEqual = ":=", "COLONEQUAL";
    Exclamation = "!", "EXCLAMATION";
}

/// One token. `text` is the exact source text of the token (for INDENT, the indentation; for DEDENT and
/// ENDMARKER, empty). `line` is the physical line(s) the token is on, as `tokenize` reports them.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub kind: TokKind,
    pub text: String,
    pub start: Pos,
    pub end: Pos,
}
