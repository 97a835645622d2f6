using IndicatorWarehouse.Reporting.Charts;

namespace IndicatorWarehouse.Application.Reports;

/// <summary>The national administrative-reform programme 2021–2030 (Nghị quyết 76/NQ-CP) runs in two five-year
/// phases, and units' plans and targets follow them: trends mark where the second phase begins.</summary>
public static class PlanPhases
{
    public static readonly ChartMarker SecondPhase = new(new DateOnly(2026, 1, 1), "KH 2026–2030");
}
