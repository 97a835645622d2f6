namespace IndicatorWarehouse.Domain.Agencies;

/// <summary>Where one part of a split unit's work went: the dossiers of <see cref="ProcedureCode"/>, or else of
/// <see cref="FieldCode"/>, of <see cref="PredecessorCode"/> belong to <see cref="SuccessorCode"/>; a transfer
/// with neither is the default, the successor of every dossier no other transfer names.</summary>
public sealed record LineageTransfer(string PredecessorCode, string SuccessorCode, string? FieldCode, string? ProcedureCode, string? Note)
{
    public bool IsDefault => FieldCode is null && ProcedureCode is null;
}

/// <summary>The units' history: the lineage links (<c>agency_lineage.csv</c>) and, for a unit whose work went to
/// several successors, which successor took each procedure and field (<c>agency_lineage_transfers.csv</c>), so its
/// dossiers are re-attributed whole. The links' shares are only used for sources without a field (PAKN).
/// The constructor refuses a history it could not apply exactly.</summary>
public sealed class AgencyLineage
{
    private readonly Dictionary<string, LineageTransfer[]> _transfers;

    public AgencyLineage(IReadOnlyList<LineageLink> links, IReadOnlyList<LineageTransfer> transfers)
    {
        Links = links;
        Transfers = transfers;
        _transfers = transfers.GroupBy(t => t.PredecessorCode).ToDictionary(g => g.Key, g => g.ToArray());
        Validate();
    }

    public IReadOnlyList<LineageLink> Links { get; }
    public IReadOnlyList<LineageTransfer> Transfers { get; }

    /// <summary>Whether <paramref name="predecessor"/>'s work went to several successors, by procedure and field.</summary>
    public bool IsSplit(string predecessor) => _transfers.ContainsKey(predecessor);

    /// <summary>The successor that took over a split unit's dossiers of this procedure (and field): the transfer
    /// naming the procedure, else the one naming the field, else the default.</summary>
    public string SuccessorOf(string predecessor, string procedureCode, string? fieldCode)
    {
        var transfers = _transfers.TryGetValue(predecessor, out var t) ? t
            : throw new ArgumentException($"{predecessor} không được tách theo lĩnh vực / is not split by field.", nameof(predecessor));
        return (transfers.FirstOrDefault(x => x.ProcedureCode == procedureCode)
                ?? transfers.FirstOrDefault(x => x.ProcedureCode is null && x.FieldCode is not null && x.FieldCode == fieldCode)
                ?? transfers.Single(x => x.IsDefault)).SuccessorCode;
    }

    /// <summary>The unit that took over <paramref name="code"/>'s dossier of this procedure and field by
    /// <paramref name="day"/>: its only successor, or for a split unit the one <see cref="SuccessorOf"/> names;
    /// null when no link of <paramref name="code"/> is in force by then.</summary>
    public string? SuccessorOn(string code, string procedureCode, string? fieldCode, DateOnly day)
    {
        var links = Links.Where(l => l.PredecessorCode == code && l.EffectiveDate <= day).ToList();
        return links.Count switch
        {
            0 => null,
            1 => links[0].SuccessorCode,
            _ => SuccessorOf(code, procedureCode, fieldCode),
        };
    }

    private void Validate()
    {
        const string File = "agency_lineage_transfers.csv";
        foreach (var (predecessor, links) in Links.GroupBy(l => l.PredecessorCode).Select(g => (g.Key, g.ToList())))
        {
            if (Math.Abs(links.Sum(l => l.Share) - 1) > 0.001)
                throw new InvalidDataException($"agency_lineage.csv: tỷ lệ (share) của {predecessor} cộng lại {links.Sum(l => l.Share).ToString("0.###", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))}, phải bằng 1 / shares must add up to 1.");
            if (links.Count > 1 && !IsSplit(predecessor))
                throw new InvalidDataException($"{File}: {predecessor} chuyển cho {links.Count} đơn vị kế thừa nhưng chưa có lĩnh vực, thủ tục nào chuyển cho ai " +
                    "(cần ít nhất một dòng mặc định) / names no transfers, and its dossiers cannot be re-attributed.");
        }
        foreach (var (predecessor, transfers) in _transfers)
        {
            var successors = Links.Where(l => l.PredecessorCode == predecessor).Select(l => l.SuccessorCode).ToHashSet();
            if (successors.Count < 2)
                throw new InvalidDataException($"{File}: {predecessor} chỉ có một đơn vị kế thừa, không cần chia theo lĩnh vực / has a single successor: remove its rows.");
            // Slices are counted from the split unit's own dossiers: a unit that had absorbed others before it split is not handled.
            if (Links.Any(l => l.SuccessorCode == predecessor))
                throw new InvalidDataException($"{File}: {predecessor} vừa tiếp nhận đơn vị khác vừa bị tách: chưa hỗ trợ / was split after absorbing other units: not supported.");
            if (transfers.Count(t => t.IsDefault) != 1)
                throw new InvalidDataException($"{File}: {predecessor} cần đúng một dòng mặc định (không ghi field_code, procedure_code) / needs exactly one default row.");
            foreach (var t in transfers)
            {
                if (!successors.Contains(t.SuccessorCode))
                    throw new InvalidDataException($"{File}: {predecessor} → {t.SuccessorCode}: agency_lineage.csv không có liên kết này / is not a lineage link.");
                if (t.FieldCode is not null && t.ProcedureCode is not null)
                    throw new InvalidDataException($"{File}: {predecessor}, {t.FieldCode}, {t.ProcedureCode}: ghi field_code hoặc procedure_code, không ghi cả hai / give one of them.");
            }
            foreach (var repeated in transfers.GroupBy(t => (t.FieldCode, t.ProcedureCode)).Where(g => g.Count() > 1))
                throw new InvalidDataException($"{File}: {predecessor} ghi hai lần {repeated.Key.ProcedureCode ?? repeated.Key.FieldCode ?? "dòng mặc định"} / is given twice.");
        }
    }
}
