using System.Collections.Specialized;
using IndicatorWarehouse.Server.Jobs;
using Quartz.Impl.Calendar;

namespace IndicatorWarehouse.Tests.Server;

public sealed class StringMapSerializerTests
{
    [Fact]
    public void RoundTrip_MapOfStrings_ComesBackTheSame()
    {
        var serializer = new StringMapSerializer();
        var map = new NameValueCollection { ["by"] = "web:minh", ["ghi chú"] = "chạy lại kỳ tháng 10" };

        var back = serializer.DeSerialize<NameValueCollection>(serializer.Serialize<object>(map));

        Assert.Equal(["by=web:minh", "ghi chú=chạy lại kỳ tháng 10"], back.AllKeys.Select(key => $"{key}={back[key]}"));
    }

    [Fact]
    public void Serialize_ACalendar_IsRefusedSayingWhatIsStored()
    {
        var error = Assert.Throws<NotSupportedException>(() => new StringMapSerializer().Serialize<object>(new HolidayCalendar()));

        Assert.Contains("only job data of strings", error.Message);
        Assert.Contains(nameof(HolidayCalendar), error.Message);
    }
}
