using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Synthetic;

/// <summary>The digitization record of a dossier: which submitted components were digitized or reused,
/// whether citizen data came from the personal store or the population database, and the electronic result.</summary>
internal static class DigitizationRecords
{
    // Some dossiers never get a digitization record (older modules, failed syncs): they count as not digitized.
    private const double Missing = 0.05;

    public static DigitizationRecord? For(DossierRecord dossier, Procedure procedure, bool online, DateOnly day, Random random)
    {
        if (random.Chance(Missing)) return null;
        var submitted = procedure.Components + random.Next(2);
        var reused = random.Chance(AdoptionTrends.Reused.On(day)) ? random.Next(1, Math.Min(2, submitted) + 1) : 0;
        var digitized = random.Chance(AdoptionTrends.Digitized.On(day)) ? Math.Max(1, submitted - (random.Chance(0.2) ? 1 : 0)) : 0;
        var processed = dossier.Status is DossierGenerator.Processed or DossierGenerator.Returned;
        var electronic = procedure.ResultRequired ? processed && random.Chance(AdoptionTrends.ElectronicResult.On(day)) : (bool?)null;
        return new DigitizationRecord(dossier.DossierCode, dossier.AgencyCode, submitted, digitized, reused,
            FromPersonalStore: online && random.Chance(AdoptionTrends.PersonalStore.On(day)),
            PopulationDbUsed: random.Chance(AdoptionTrends.PopulationDb.On(day)),
            procedure.ResultRequired, electronic,
            electronic == true ? $"https://dichvucong.{Portal(dossier.AgencyCode)}.gov.vn/ketqua/{dossier.DossierCode}.pdf" : null);
    }

    private static string Portal(string agencyCode) => agencyCode.StartsWith("LAN.", StringComparison.Ordinal) ? "longan" : "tayninh";
}
