using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Server.Access;
using IndicatorWarehouse.Server.Configuration;

namespace IndicatorWarehouse.Tests.Server;

public sealed class ServeConfigTests
{
    [Fact]
    public void Load_ShippedExample_ReadsSourcesSchedulesUsersAndProxy()
    {
        var config = ServeConfigFile.Load(ReferenceFiles.Default().PathOf("iw.serve.example.yaml"));

        Assert.Equal(["mot-cua", "dvcqg", "pakn"], config.Sources.Select(s => s.Name));
        Assert.Equal(("pages", "IW_DVCQG_TOKEN"), (config.Sources[1].Http!.Paging, config.Sources[1].Http!.AuthValueEnv));
        Assert.Equal([Roles.Analyst, Roles.Admin], config.Access.Users.Select(u => u.Role));
        Assert.Equal((5, "/cchc"), (config.Scorecards.Day, config.Proxy.PathBase));
    }

    [Fact]
    public void Parse_Json_ReadsTheSameKeys()
    {
        var config = ServeConfigFile.Parse("""{"output": "out", "quickReports": {"cron": "0 0 15 ? * MON-FRI", "units": ["TNI.SYT"]}}""", "test.json");

        Assert.Equal(("out", "0 0 15 ? * MON-FRI"), (config.Output, config.QuickReports.Cron));
    }

    [Theory]
    [InlineData("outptu: data", "outptu")]
    [InlineData("sources: [{name: a, kind: onestop, folder: x, cron: 'every day'}]", "every day")]
    [InlineData("sources: [{name: a, kind: dossiers, folder: x}]", "kind must be one of")]
    [InlineData("access: {users: [{name: lan, role: boss, passwordHash: x}]}", "role must be")]
    [InlineData("scorecards: {day: 31}", "scorecards.day")]
    public void Parse_Mistake_IsRefusedNamingIt(string yaml, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => ServeConfigFile.Parse(yaml, "iw.serve.yaml"));

        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void PasswordHash_CreatedForAPassword_VerifiesThatPasswordOnly()
    {
        var hash = PasswordHash.Create("mật khẩu");

        Assert.True(PasswordHash.Verify("mật khẩu", hash));
        Assert.False(PasswordHash.Verify("mat khau", hash));
        Assert.DoesNotContain("mật khẩu", hash);
        Assert.NotEqual(hash, PasswordHash.Create("mật khẩu"));
    }
}
