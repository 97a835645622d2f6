namespace IndicatorWarehouse.Domain.Index766;

/// <summary>A group of the 766 index; a portal split (<see cref="SplitOf"/> set) is a view of part of a
/// Decision group, reported beside it but never added to the total.</summary>
public sealed record ScoreGroup(string Code, string NameVi, double Max, string? SplitOf = null)
{
    public bool IsPortalSplit => SplitOf is not null;
}

/// <summary>A rating band for the total: a province's choice, not law.</summary>
public sealed record RatingBand(string Code, string NameVi, double Min);
