using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Ingestion.Synthetic;

namespace IndicatorWarehouse.Tests.Ingestion.Synthetic;

public sealed class CanonicalCsvWriterTests
{
    [Fact]
    public void Write_Dossier_QuotesCommasWritesIsoDatesFlagsAndEmptyNulls()
    {
        var output = new StringWriter();
        using (var writer = new OnestopCsvWriter(output))
            writer.Write(new DossierRecord("TNI.SYT-261008-0975", "1.005129", "Cấp giấy phép hành nghề khám bệnh, chữa bệnh",
                "KCB", "Khám bệnh, chữa bệnh", "TNI.SYT", "Sở Y tế \"Tây Ninh\"", 1,
                new DateTime(2026, 10, 8, 9, 15, 0), new DateTime(2026, 10, 22, 17, 0, 0), null, null, 4, null, "mot_phan",
                360_000m, 1, 1, 3.5m, true, null, null));

        var lines = output.ToString().Split('\n');
        Assert.Equal(string.Join(',', CanonicalCsv.OnestopColumns), lines[0]);
        Assert.Equal("TNI.SYT-261008-0975,1.005129,\"Cấp giấy phép hành nghề khám bệnh, chữa bệnh\",KCB,\"Khám bệnh, chữa bệnh\","
                     + "TNI.SYT,\"Sở Y tế \"\"Tây Ninh\"\"\",1,2026-10-08T09:15:00,2026-10-22T17:00:00,,,4,,mot_phan,360000,1,1,3.5,1,,", lines[1]);
        Assert.Equal("", lines[2]);
    }

    [Fact]
    public void Write_Digitization_ReadsBackFieldForFieldWithACsvParser()
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var writer = new DigitizationCsvWriter(CanonicalCsv.OpenFile(path)))
            {
                writer.Write(new DigitizationRecord("LAN.X0071-240105-0001", "LAN.X0071", 3, 2, 1, false, true, true, true, "https://x/y.pdf"));
                writer.Write(new DigitizationRecord("LAN.X0071-240105-0002", "LAN.X0071", 1, 0, 0, false, false, false, null, null));
                Assert.Equal(2, writer.Rows);
            }

            var table = CsvTable.Read(path);
            Assert.Equal(CanonicalCsv.DigitizationColumns, table.Header);
            Assert.Equal(["LAN.X0071-240105-0001", "LAN.X0071", "3", "2", "1", "0", "1", "1", "1", "https://x/y.pdf"], table.Rows[0]);
            Assert.Equal(["LAN.X0071-240105-0002", "LAN.X0071", "1", "0", "0", "0", "0", "0", "", ""], table.Rows[1]);
            Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]); // no BOM
        }
        finally
        {
            File.Delete(path);
        }
    }
}
