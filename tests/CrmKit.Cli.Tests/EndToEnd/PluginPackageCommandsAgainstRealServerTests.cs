namespace CrmKit.Cli.Tests.EndToEnd;

/// <summary>crmkit plugin search|install|update|remove|restore and list against the real server and a folder feed.</summary>
public sealed class PluginPackageCommandsAgainstRealServerTests(RealPackageServer server) : IClassFixture<RealPackageServer>
{
    private CliRunner Cli => server.Cli();

    [Fact]
    public async Task SearchInstallListRestoreRemove_ShouldWorkEndToEnd()
    {
        var search = await Cli.RunAsync("plugin", "search", "fixture");
        search.ExitCode.ShouldBe(0, search.ToString());
        search.StdoutLines.ShouldContain(l => l.StartsWith("fixture.base  1.0.0", StringComparison.Ordinal));

        var dryRun = await Cli.RunAsync("plugin", "install", "fixture.base", "--dry-run");
        dryRun.ExitCode.ShouldBe(0, dryRun.ToString());
        dryRun.StdoutLines.ShouldContain(l => l.StartsWith("fixture.base  install", StringComparison.Ordinal));
        File.Exists(server.LockFile).ShouldBeFalse();

        var install = await Cli.RunAsync("plugin", "install", "fixture.base");
        install.ExitCode.ShouldBe(0, install.ToString());
        install.StdoutLines.ShouldContain("Applied: 1 plugin(s) changed; plugins.lock.json updated.");
        File.Exists(server.LockFile).ShouldBeTrue();

        var list = await Cli.RunAsync("plugin", "list");
        list.ExitCode.ShouldBe(0, list.ToString());
        list.StdoutLines[0].ShouldContain("PACKAGE");
        list.StdoutLines.ShouldContain(l => l.StartsWith("fixture.base", StringComparison.Ordinal) && l.Contains("loaded", StringComparison.Ordinal)
            && l.TrimEnd().EndsWith("1.0.0    local", StringComparison.Ordinal));

        var restore = await Cli.RunAsync("plugin", "restore", "--dry-run");
        restore.ExitCode.ShouldBe(0, restore.ToString());
        restore.StdoutLines[0].ShouldBe("Nothing to change.");

        var remove = await Cli.RunAsync("plugin", "remove", "fixture.base");
        remove.ExitCode.ShouldBe(0, remove.ToString());
        Directory.Exists(Path.Combine(server.PluginsFolder, "fixture.base")).ShouldBeFalse();
    }

    [Fact]
    public async Task InstallOfAnUnknownPlugin_ShouldPrintTheProblem_AndExit1()
    {
        var result = await Cli.RunAsync("plugin", "install", "no.such.plugin");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldContain("plugin_package.not_found: No package source has a package 'no.such.plugin'.");
    }
}
