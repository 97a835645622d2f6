namespace IndicatorWarehouse.Warehouse.Dialects.SqlServer;

internal enum TSqlTokenKind { Word, QuotedName, String, Symbol }

/// <summary>One token of T-SQL: a word (keyword or bare name, upper-cased), a quoted name, a string literal
/// or a single symbol character. Quoted names and strings keep no text: nothing inside them is code.</summary>
internal readonly record struct TSqlToken(TSqlTokenKind Kind, string Text)
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
                tokens.Add(new TSqlToken(TSqlTokenKind.Word, sql[start..i].ToUpperInvariant()));
            }
            else
            {
                tokens.Add(new TSqlToken(TSqlTokenKind.Symbol, c.ToString()));
                i++;
            }
        }
        return tokens;
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
        for (i++; i < sql.Length; i++)
        {
            if (sql[i] != close) continue;
            if (Next(sql, i) == close) { i++; continue; }
            tokens.Add(new TSqlToken(kind, ""));
            return i + 1;
        }
        throw new FormatException(kind == TSqlTokenKind.String ? "a string literal is not closed." : "a quoted name is not closed.");
    }
}
