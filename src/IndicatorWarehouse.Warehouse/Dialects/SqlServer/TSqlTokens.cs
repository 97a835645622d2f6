using System.Text;

namespace IndicatorWarehouse.Warehouse.Dialects.SqlServer;

internal enum TSqlTokenKind { Word, QuotedName, String, Symbol }

/// <summary>One token of T-SQL: a word (keyword or bare name, upper-cased), a quoted name, a string literal
/// or a single symbol character. Quoted names and strings keep no text: nothing inside them is code.
/// <see cref="Start"/> and <see cref="End"/> delimit the token in the text it was read from.</summary>
internal readonly record struct TSqlToken(TSqlTokenKind Kind, string Text, int Start, int End)
{
    public bool IsWord(string upper) => Kind == TSqlTokenKind.Word && Text == upper;
    public bool IsSymbol(char symbol) => Kind == TSqlTokenKind.Symbol && Text[0] == symbol;
}

/// <summary>Splits T-SQL into tokens, skipping comments (<c>--</c> and nested <c>/* */</c>) and whatever is
/// inside string literals (<c>'…'</c>, <c>N'…'</c>) and quoted names (<c>"…"</c>, <c>[…]</c>), so that a
/// keyword is only seen where the server would see one.</summary>
internal static class TSqlTokens
{
    /// <exception cref="FormatException">A string, quoted name or comment is not closed.</exception>
    public static IReadOnlyList<TSqlToken> Read(string sql)
    {
        var tokens = new List<TSqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c)) i++;
            else if (c == '-' && Next(sql, i) == '-') i = LineEnd(sql, i);
            else if (c == '/' && Next(sql, i) == '*') i = BlockCommentEnd(sql, i);
            else if (c == '\'') i = Quoted(sql, i, '\'', TSqlTokenKind.String, tokens);
            else if (c == '"') i = Quoted(sql, i, '"', TSqlTokenKind.QuotedName, tokens);
            else if (c == '[') i = Quoted(sql, i, ']', TSqlTokenKind.QuotedName, tokens);
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < sql.Length && IsWordChar(sql[i])) i++;
                tokens.Add(new TSqlToken(TSqlTokenKind.Word, sql[start..i].ToUpperInvariant(), start, i));
            }
            else
            {
                tokens.Add(new TSqlToken(TSqlTokenKind.Symbol, c.ToString(), i, i + 1));
                i++;
            }
        }
        return tokens;
    }

    /// <summary>The text with an N prefix on every string literal that holds a character beyond ASCII and has none.
    /// Without it the server reads the literal as varchar in the database's 8-bit code page, where most Vietnamese
    /// letters do not exist ('Đạt' would not come back as Đạt), and portable SQL cannot write N'…': SQLite rejects it.</summary>
    /// <exception cref="FormatException">A string, quoted name or comment is not closed.</exception>
    public static string MarkUnicodeLiterals(string sql)
    {
        var tokens = Read(sql);
        var marked = new StringBuilder(sql);
        // From the end, so that the positions of the literals still to mark do not move.
        for (var k = tokens.Count - 1; k >= 0; k--)
        {
            var token = tokens[k];
            var prefixed = k > 0 && tokens[k - 1] is { Kind: TSqlTokenKind.Word, Text: "N" } prefix && prefix.End == token.Start;
            if (token.Kind == TSqlTokenKind.String && !prefixed && sql.AsSpan(token.Start, token.End - token.Start).ContainsAnyExceptInRange('\0', '\x7f'))
                marked.Insert(token.Start, 'N');
        }
        return marked.ToString();
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '@' or '#' or '$';

    private static char Next(string sql, int i) => i + 1 < sql.Length ? sql[i + 1] : '\0';

    private static int LineEnd(string sql, int i)
    {
        var end = sql.IndexOf('\n', i);
        return end < 0 ? sql.Length : end + 1;
    }

    // T-SQL block comments nest: /* a /* b */ c */ is one comment.
    private static int BlockCommentEnd(string sql, int i)
    {
        var depth = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && Next(sql, i) == '*') { depth++; i += 2; }
            else if (sql[i] == '*' && Next(sql, i) == '/') { depth--; i += 2; if (depth == 0) return i; }
            else i++;
        }
        throw new FormatException("a /* comment */ is not closed.");
    }

    // The closing character doubled ('' or ]] or "") stands for itself and does not close.
    private static int Quoted(string sql, int i, char close, TSqlTokenKind kind, List<TSqlToken> tokens)
    {
        var start = i;
        for (i++; i < sql.Length; i++)
        {
            if (sql[i] != close) continue;
            if (Next(sql, i) == close) { i++; continue; }
            tokens.Add(new TSqlToken(kind, "", start, i + 1));
            return i + 1;
        }
        throw new FormatException(kind == TSqlTokenKind.String ? "a string literal is not closed." : "a quoted name is not closed.");
    }
}
