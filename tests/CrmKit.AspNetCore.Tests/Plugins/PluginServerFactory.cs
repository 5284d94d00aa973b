using CrmKit.AspNetCore.Tests.Infrastructure;
using CrmKit.Plugins;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.AspNetCore.Tests.Plugins;

/// <summary>
/// The real server with a plugins folder: it adds <see cref="RatingPlugin"/> and <see cref="DependentPlugin"/> in code,
/// and its plugins folder holds one plugin folder, <c>broken</c>, whose manifest is invalid.
/// </summary>
public sealed class PluginServerFactory : TestServerFactory
{
    public const string BrokenFolder = "broken";

    public PluginServerFactory()
        : base("crmkit-plugin-web-")
    {
        var broken = System.IO.Directory.CreateDirectory(Path.Combine(PluginsDirectory, BrokenFolder)).FullName;
        File.WriteAllText(
            Path.Combine(broken, "crmkit-plugin.json"),
            """{"id": "broken.plugin", "version": "not-a-version", "sdk": "[0.1.0, 1.0.0)"}""");
    }

    public string PluginsDirectory => Path.Combine(Directory, "plugins");

    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.Configure<PluginRuntimeOptions>(o => o
            .AddInCode(new RatingPlugin(), RatingPlugin.Manifest)
            .AddInCode(new DependentPlugin(), DependentPlugin.Manifest)));
}
