namespace IndicatorWarehouse.Warehouse.Queries;

/// <summary>The eleven counts of the national one-stop results form (Biểu 06) for a group of dossiers, named as
/// the contract's count indicators; groups add up (a unit is the sum of its fields).</summary>
public sealed record Bieu06Counts(
    long ReceivedTotal, long ReceivedOnline, long ReceivedOffline, long CarriedOver,
    long ProcessedTotal, long ProcessedEarly, long ProcessedOnTime, long ProcessedLate,
    long PendingTotal, long PendingWithinDue, long PendingOverdue)
{
    public static Bieu06Counts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static Bieu06Counts operator +(Bieu06Counts a, Bieu06Counts b) => new(
        a.ReceivedTotal + b.ReceivedTotal, a.ReceivedOnline + b.ReceivedOnline, a.ReceivedOffline + b.ReceivedOffline,
        a.CarriedOver + b.CarriedOver, a.ProcessedTotal + b.ProcessedTotal, a.ProcessedEarly + b.ProcessedEarly,
        a.ProcessedOnTime + b.ProcessedOnTime, a.ProcessedLate + b.ProcessedLate, a.PendingTotal + b.PendingTotal,
        a.PendingWithinDue + b.PendingWithinDue, a.PendingOverdue + b.PendingOverdue);

    public static Bieu06Counts Sum(IEnumerable<Bieu06Counts> counts) => counts.Aggregate(Zero, (a, b) => a + b);
}
