using System.CommandLine;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Server.Scorecards;
using IndicatorWarehouse.Server;
using IndicatorWarehouse.Server.Access;
using IndicatorWarehouse.Server.Configuration;
using Microsoft.Extensions.Hosting;

namespace IndicatorWarehouse.Cli.Commands;

internal static class ServeCommand
{
    /// <summary>Shared with `iw jobs`: both read the same configuration file.</summary>
    public static readonly Option<string?> Config = new("--config")
    {
        Description = "serve configuration (YAML or JSON): sources, schedules, users — see dashboards/README.md",
    };

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "addresses to listen on, ';'-separated", DefaultValueFactory = _ => ServeOptions.DefaultUrl };
        var command = new Command("serve", "Dashboards web app and the job scheduler in one process") { urls, Config, HashPassword() };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var options = Options(parse) with
            {
                Urls = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            };
            await ServerHost.EnsureWarehouseReadyAsync(options.Warehouse.Open(), ct);
            await using var app = ServerHost.Build(options);
            await app.StartAsync(ct);
            Console.WriteLine($"iw serve: {string.Join(", ", app.Urls)} — kho / warehouse {options.Warehouse.Describe()}");
            await app.WaitForShutdownAsync(ct);
            return CommandAction.Ok;
        }, WarehouseUse.Reads);
        return command;
    }

    /// <summary>The server's options, with the scorecard service wired in (issued PDFs go to the configured output folder).</summary>
    public static ServeOptions Options(ParseResult parse)
    {
        var settings = GlobalOptions.Settings(parse);
        var config = ServeConfigFile.Load(parse.GetValue(Config));
        return new ServeOptions(settings, config, [ServeOptions.DefaultUrl])
        {
            Scorecards = new ScorecardDocuments(settings.Open(), ReferenceFiles.Default(), config.Output),
        };
    }

    /// <summary>Prints the hash to put in the configuration's users; the password is read from standard input so it
    /// stays out of the shell history.</summary>
    private static Command HashPassword()
    {
        var command = new Command("hash-password", "Read a password from standard input and print its hash for the configuration file");
        command.SetAction(_ =>
        {
            var password = Console.In.ReadLine();
            if (string.IsNullOrEmpty(password))
            {
                Console.Error.WriteLine("Nhập mật khẩu trên dòng đầu tiên của đầu vào chuẩn / give the password on standard input.");
                return CommandAction.Failed;
            }
            if (password.Length < PasswordHash.MinimumLength)
            {
                Console.Error.WriteLine($"Mật khẩu phải có ít nhất {PasswordHash.MinimumLength} ký tự / a password needs at least {PasswordHash.MinimumLength} characters.");
                return CommandAction.Failed;
            }
            Console.WriteLine(PasswordHash.Create(password));
            return CommandAction.Ok;
        });
        return command;
    }
}
