using System.Globalization;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Application.Exports;

/// <summary>Arranges unit × field lines into the rows of the form: per level a subtotal row (I, II…), each unit
/// (1, 2…, in reference-list order) then its fields (1.1, 1.2…, by name), and the grand total last.</summary>
public static class Bieu06Rows
{
    public const string UnknownField = "Lĩnh vực chưa xác định";
    private static readonly StringComparer Vietnamese = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);

    public static IReadOnlyList<Bieu06Row> Arrange(IEnumerable<Bieu06Line> lines)
    {
        var rows = new List<Bieu06Row>();
        var levels = lines.GroupBy(l => l.AgencyLevel).OrderBy(g => UnitLevels.Rank(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var (level, levelIndex) in levels.Select((g, i) => (g, i)))
        {
            var levelLabel = UnitLevels.Label(level.Key);
            rows.Add(new Bieu06Row(Bieu06RowKind.Level, Roman(levelIndex + 1), levelLabel, levelLabel, null, null,
                Bieu06Counts.Sum(level.Select(l => l.Counts))));
            var units = level.GroupBy(l => l.AgencyCode)
                .OrderBy(u => u.First().AgencyOrder).ThenBy(u => u.Key, StringComparer.Ordinal);
            foreach (var (unit, unitIndex) in units.Select((u, i) => (u, i + 1)))
            {
                var first = unit.First();
                rows.Add(new Bieu06Row(Bieu06RowKind.Unit, $"{unitIndex}", first.AgencyName, levelLabel, unit.Key, null,
                    Bieu06Counts.Sum(unit.Select(l => l.Counts))));
                var fields = unit.Select(l => (Line: l, Label: l.FieldName ?? l.FieldCode ?? UnknownField))
                    .OrderBy(f => f.Label, Vietnamese).ThenBy(f => f.Line.FieldCode, StringComparer.Ordinal);
                rows.AddRange(fields.Select((f, i) => new Bieu06Row(Bieu06RowKind.Field, $"{unitIndex}.{i + 1}", f.Label, levelLabel,
                    unit.Key, f.Line.FieldCode, f.Line.Counts)));
            }
        }
        rows.Add(new Bieu06Row(Bieu06RowKind.Total, "", "Tổng cộng", null, null, null,
            Bieu06Counts.Sum(rows.Where(r => r.Kind == Bieu06RowKind.Level).Select(r => r.Counts))));
        return rows;
    }

    private static string Roman(int n)
    {
        var numerals = new[] { (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") };
        var text = "";
        foreach (var (value, symbol) in numerals)
            for (; n >= value; n -= value) text += symbol;
        return text;
    }
}
