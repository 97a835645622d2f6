using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Reporting.Templates.QuickReports;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Application.QuickReport;

/// <summary>The quick report as the page template takes it: the same figures as the text, as plain records.</summary>
public static class QuickReportSheets
{
    public static QuickReportSheet From(QuickReport r) => new()
    {
        AgencyCode = r.AgencyCode,
        AgencyName = r.AgencyName,
        From = r.From,
        Date = r.Date,
        DataAsOf = r.DataAsOf,
        Dossiers = new QuickDossierCounts(r.Dossiers.Total, r.Dossiers.ReceivedInRange, r.Dossiers.Processed, r.Dossiers.Early, r.Dossiers.OnTime,
            r.Dossiers.Late, r.Dossiers.LateWithApology, r.Dossiers.Pending, r.Dossiers.PendingOverdue, r.Dossiers.Digitized,
            r.Dossiers.ResultRequired, r.Dossiers.ResultElectronic),
        Pakn = new QuickPaknCounts(r.Pakn.Received, r.Pakn.Handled, r.Pakn.HandledOnTime, r.Pakn.Pending, r.Pakn.PendingOverdue),
        Late = r.Late.Select(Dossier).ToList(),
        DueDays = r.DueDays,
        FallingDue = r.FallingDue.Select(Dossier).ToList(),
    };

    private static QuickDossier Dossier(DossierLine d) => new(d.dossier_code, d.procedure_name,
        d.deadline_date_key is { } k ? DateKey.ToDate((int)k) : null, d.received_at,
        d.finished_at, d.late_reason, d.apology_issued == 1);
}
