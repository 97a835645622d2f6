using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Migrations;
using IndicatorWarehouse.Warehouse.Reference;

namespace IndicatorWarehouse.Application.Setup;

/// <summary>`iw init`: migrate the schema, then (re)load the reference data. Idempotent.</summary>
public sealed class InitService(WarehouseDatabase database, ReferenceFiles reference)
{
    /// <summary>Years covered by the date and period dimensions.</summary>
    public const int FirstYear = 2015, LastYear = 2035;

    public async Task<MigrationReport> RunAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var report = await new MigrationRunner(database.Dialect).MigrateAsync(connection, ct);

        var calendar = reference.Holidays();
        await using var tx = await connection.BeginTransactionAsync(ct);
        var writer = new ReferenceDataWriter(connection, tx);
        await writer.WriteDatesAsync(DateDimension.Days(FirstYear, LastYear, calendar));
        await writer.WritePeriodsAsync(DateDimension.Periods(FirstYear, LastYear));
        await writer.WriteIndicatorsAsync(reference.Indicators());
        await writer.WriteAgenciesAsync(reference.Agencies());
        await writer.WriteLineageAsync(reference.Lineage());
        await tx.CommitAsync(ct);
        return report;
    }
}
