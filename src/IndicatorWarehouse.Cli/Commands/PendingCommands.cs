using System.CommandLine;

namespace IndicatorWarehouse.Cli.Commands;

/// <summary>Commands of the contract whose implementation has not landed yet: they exist, so scripts see
/// the whole surface, and say plainly that they are not available.</summary>
internal static class PendingCommands
{
    private static readonly (string Name, string Description)[] Pending =
    [
        ("serve", "Dashboards web app and job scheduler"),
    ];

    public static IEnumerable<Command> Create() => Pending.Select(p =>
    {
        var command = new Command(p.Name, p.Description + " (not yet available)") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(_ =>
        {
            Console.Error.WriteLine($"`iw {p.Name}` is not yet available in this build.");
            return 3;
        });
        return command;
    });
}
