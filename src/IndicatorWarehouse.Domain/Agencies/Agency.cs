namespace IndicatorWarehouse.Domain.Agencies;

/// <summary>One version of a unit (Sở, commune, centre, province). A unit keeps its code across
/// versions; <see cref="ValidTo"/> is exclusive and null while the version is current.</summary>
public sealed record Agency(string Code, string Name, string Level, string? ProvinceCode, string? Sector, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool IsValidOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date < ValidTo);
}

/// <summary>Work of <see cref="PredecessorCode"/> passed to <see cref="SuccessorCode"/> on
/// <see cref="EffectiveDate"/>. <see cref="Share"/> (1 when all of it moved) estimates the part that moved for
/// sources whose records carry no field (PAKN); dossiers follow <see cref="AgencyLineage"/>'s transfers instead.</summary>
public sealed record LineageLink(string PredecessorCode, string SuccessorCode, DateOnly EffectiveDate, double Share, string? Note);
