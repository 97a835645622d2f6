using System.Text;
using IndicatorWarehouse.Application.Exports;

namespace IndicatorWarehouse.Tests.Exports;

public sealed class Bieu06CsvTests(Bieu06Scenario scenario) : IClassFixture<Bieu06Scenario>
{
    [Fact]
    public async Task Write_Quarter_Utf8WithBomOneHeaderRowAndARowPerFormRow()
    {
        var report = await scenario.ReportAsync("2026-Q3", province: "TNI");
        using var stream = new MemoryStream();

        Bieu06Csv.Write(report, stream);

        var bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "Kỳ báo cáo,STT,Loại dòng,Cấp,Mã đơn vị,Mã lĩnh vực,Đơn vị / Lĩnh vực," +
            "Số hồ sơ nhận giải quyết: Tổng số,Số hồ sơ nhận giải quyết: Số mới tiếp nhận trực tuyến," +
            "Số hồ sơ nhận giải quyết: Số mới tiếp nhận trực tiếp và dịch vụ bưu chính công ích,Số hồ sơ nhận giải quyết: Số kỳ trước chuyển qua," +
            "Số hồ sơ đã giải quyết: Tổng số,Số hồ sơ đã giải quyết: Trả trước hạn,Số hồ sơ đã giải quyết: Trả đúng hạn,Số hồ sơ đã giải quyết: Trả quá hạn," +
            "Số hồ sơ đang giải quyết: Tổng số,Số hồ sơ đang giải quyết: Chưa đến hạn,Số hồ sơ đang giải quyết: Quá hạn,Số liệu",
            lines[0]);
        Assert.Equal(report.Rows.Count + 1, lines.Length);
        Assert.Contains($"2026-Q3,1,Đơn vị,\"Cấp sở, ban, ngành\",TNI.SYT,,Sở Y tế Tây Ninh,{string.Join(",", Bieu06Scenario.DepartmentQ3)},chính thức", lines);
        Assert.StartsWith("2026-Q3,,Tổng cộng,,,,Tổng cộng,", lines[^1]);
    }
}
