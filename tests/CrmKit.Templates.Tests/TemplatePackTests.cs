using System.Text.Json.Nodes;
using CrmKit.Plugins.Manifest;
using CrmKit.Templates.Tests.Infrastructure;

namespace CrmKit.Templates.Tests;

/// <summary>
/// Installs the packed template pack into a private hive, instantiates crmkit-plugin, crmkit-host and crmkit-edition
/// against the packed CrmKit packages, builds them, runs the plugin's own tests, and loads the published plugin into
/// the generated host while it runs. Slow (minutes): every step is a real <c>dotnet</c> process.
/// </summary>
[Collection(TemplatesCollectionDefinition.Name)]
public sealed class TemplatePackTests(TemplateSession session) : IClassFixture<TemplateSession>
{
    private const string RatingType = TemplateSession.PluginId + ".rating";
    private const string RatingField = "acme_loyalty_rating";
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(30);

    [PackagesFact]
    public async Task PluginTemplate_ShouldReferenceThePackedVersion_AndDeriveItsIdFromTheName()
    {
        await session.EnsureCreatedAsync();

        var project = await File.ReadAllTextAsync(session.PluginProject);
        project.ShouldContain($"<CrmKitVersion>{session.PackVersion}</CrmKitVersion>");
        project.ShouldContain($"<CrmKitPluginId>{TemplateSession.PluginId}</CrmKitPluginId>");
        project.ShouldContain($"field-type:{RatingType}");
        (await File.ReadAllTextAsync(session.PluginTestsProject)).ShouldContain($"<CrmKitVersion>{session.PackVersion}</CrmKitVersion>");
    }

    [PackagesFact]
    public async Task PluginTemplate_ShouldBuild_AndWriteItsManifest()
    {
        await session.EnsurePluginBuiltAsync();

        var manifest = PluginManifestReader.ReadFromFolder(session.PluginBuildOutput);
        manifest.Id.ShouldBe(TemplateSession.PluginId);
        manifest.Version.ToNormalizedString().ShouldBe("1.0.0");
        manifest.Provides.ShouldContain($"field-type:{RatingType}");
        manifest.Description.ShouldBe(TemplateSession.PluginDescription, "quotes and backslashes reach the manifest as written");
    }

    [PackagesFact]
    public async Task PluginTemplate_ShouldPackAsAnInstallableCrmKitPluginPackage()
    {
        await session.EnsurePluginBuiltAsync();

        await session.DotnetAsync(BuildTimeout, "pack", session.PluginProject, "-c", "Release", "-nologo",
            "-o", session.PluginPackageFolder);

        var package = PluginPackageContents.Read(Path.Combine(session.PluginPackageFolder, TemplateSession.PluginId + ".1.0.0.nupkg"));
        package.Id.ShouldBe(TemplateSession.PluginId);
        package.Version.ShouldBe("1.0.0");
        package.PackageTypes.ShouldBe(["CrmKitPlugin"]);
        package.Dependencies.ShouldBeEmpty("third-party packages travel inside a plugin package");
        var rootManifest = Path.Combine(session.PluginPackageFolder, "root", PluginManifestReader.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(rootManifest)!);
        await File.WriteAllTextAsync(rootManifest, package.RootManifest);
        var manifest = PluginManifestReader.ReadFile(rootManifest);
        manifest.Id.ShouldBe(TemplateSession.PluginId);
        manifest.Description.ShouldBe(TemplateSession.PluginDescription);
        package.Entries.ShouldContain($"lib/net10.0/{TemplateSession.PluginName}.dll");
        package.Entries.ShouldContain($"lib/net10.0/{TemplateSession.PluginName}.deps.json");
        package.Entries.ShouldContain("lib/net10.0/crmkit-plugin.json");
        package.Entries.ShouldNotContain("lib/net10.0/CrmKit.Sdk.dll", "the host provides CrmKit.Sdk");
    }

    [PackagesFact]
    public async Task PluginTemplate_ShouldPassItsOwnTests()
    {
        await session.EnsurePluginBuiltAsync();

        var output = await session.DotnetAsync(BuildTimeout, "test", session.PluginTestsProject, "-c", "Release", "-nologo");

        output.ShouldNotContain("Failed!", Case.Sensitive, output);
        output.ShouldContain("Passed!", Case.Sensitive, output);
    }

    [PackagesFact]
    public void ShippedPlugins_ShouldBePackedAsPluginPackages_WithTheirPluginDependencies()
    {
        var egrul = PluginPackageContents.Read(Path.Combine(TestEnvironment.PackagesFolder!, "ru.egrul.1.0.0.nupkg"));
        egrul.PackageTypes.ShouldBe(["CrmKitPlugin"]);
        egrul.Dependencies.ShouldBe(["ru.requisites [1.0.0, 2.0.0)"]);
        egrul.Entries.ShouldContain("lib/net10.0/CrmKit.Plugins.Egrul.dll");
        egrul.Entries.ShouldContain("lib/net10.0/Polly.Core.dll", "private dependencies travel inside the package");
        egrul.Entries.ShouldNotContain("lib/net10.0/CrmKit.Sdk.dll");
    }

    [PackagesFact]
    public async Task HostTemplate_ShouldBuild()
    {
        await session.EnsureHostBuiltAsync();

        File.Exists(session.HostAssembly).ShouldBeTrue(session.HostAssembly);
    }

    [PackagesFact]
    public async Task EditionTemplate_ShouldWriteAValidEditionSkeleton()
    {
        await session.EnsureCreatedAsync();

        var edition = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(session.EditionFolder, "edition.json")))!.AsObject();
        edition["id"]!.GetValue<string>().ShouldBe("acme.retail");
        edition["version"]!.GetValue<string>().ShouldBe("1.0.0");
        foreach (var list in new[] { "entities", "workflows", "templates", "seed", "localization", "migrations" })
        {
            edition[list].ShouldBeOfType<JsonArray>(list);
        }

        edition["plugins"].ShouldBeOfType<JsonObject>();
        edition["settings"].ShouldBeOfType<JsonObject>();
        File.Exists(Path.Combine(session.EditionFolder, "README.md")).ShouldBeTrue();
        var package = CrmKit.Editions.Packing.EditionPackager.Pack(session.EditionFolder, Path.Combine(session.EditionFolder, "bin"));
        Path.GetFileName(package).ShouldBe("acme.retail.1.0.0.nupkg");
    }

    [PackagesFact]
    public async Task PublishedPlugin_ShouldLoadIntoTheRunningHost_AndAddItsFieldTypeAndField()
    {
        await session.EnsurePluginBuiltAsync();
        await session.EnsureHostBuiltAsync();
        using var host = await RunningHost.StartAsync(session.Workspace, session.HostAssembly);

        var pluginFolder = Path.Combine(host.PluginsFolder, TemplateSession.PluginId);
        await session.DotnetAsync(BuildTimeout, "publish", session.PluginProject, "-c", "Release", "-nologo", "-o", pluginFolder);

        File.Exists(Path.Combine(pluginFolder, PluginManifestReader.FileName)).ShouldBeTrue("publish must write the manifest");
        File.Exists(Path.Combine(pluginFolder, TemplateSession.PluginName + ".dll")).ShouldBeTrue();
        File.Exists(Path.Combine(pluginFolder, "CrmKit.Sdk.dll")).ShouldBeFalse("the host provides CrmKit.Sdk");

        var status = await WaitForLoadedAsync(host);
        status["state"]!.GetValue<string>().ShouldBe("Loaded", StringCompareShould.IgnoreCase);

        var contact = await host.GetJsonAsync("/api/metadata/entities/contact");
        var field = Items(contact["fields"]).SingleOrDefault(f => (string?)f?["name"] == RatingField);
        field.ShouldNotBeNull($"contact has no {RatingField}: {contact.ToJsonString()}");
        ((string?)field["type"]).ShouldBe(RatingType);
        ((string?)field["owner"]).ShouldBe(TemplateSession.PluginId);

        var fieldTypes = await host.GetJsonAsync("/api/metadata/field-types");
        var fieldType = Items(fieldTypes).SingleOrDefault(t => (string?)t?["name"] == RatingType);
        fieldType.ShouldNotBeNull($"no {RatingType} among {fieldTypes.ToJsonString()}");
        ((string?)fieldType["owner"]).ShouldBe(TemplateSession.PluginId);

        // The plugin's own code runs in the host: its field type turns stars into the number.
        var (code, record) = await host.PostJsonAsync("/api/records/contact",
            new JsonObject { ["first_name"] = "Anna", [RatingField] = "★★" });
        code.ShouldBe(201, record?.ToJsonString());
        record![RatingField]!.GetValue<int>().ShouldBe(2);
    }

    /// <summary>
    /// Polls <c>GET /api/plugins</c> until the plugin is loaded: the host watches its plugins folder. Should the
    /// watcher miss the change, <c>POST /api/plugins/scan</c> asks once, half-way, and the failure says so.
    /// </summary>
    private static async Task<JsonNode> WaitForLoadedAsync(RunningHost host)
    {
        var started = DateTime.UtcNow;
        var scanned = false;
        JsonNode? last = null;
        while (DateTime.UtcNow - started < LoadTimeout)
        {
            last = await host.GetJsonAsync("/api/plugins");
            var status = Items(last).SingleOrDefault(p => (string?)p?["id"] == TemplateSession.PluginId);
            if (status is not null && string.Equals((string?)status["state"], "Loaded", StringComparison.OrdinalIgnoreCase))
            {
                return status;
            }

            if (!scanned && DateTime.UtcNow - started > LoadTimeout / 2)
            {
                scanned = true;
                await host.PostJsonAsync("/api/plugins/scan", null);
            }

            await Task.Delay(250);
        }

        throw new TimeoutException(
            $"{TemplateSession.PluginId} was not Loaded within {LoadTimeout.TotalSeconds:0} s (scan requested: {scanned}). " +
            $"Last GET /api/plugins: {last?.ToJsonString()}\n{host.Describe()}");
    }

    /// <summary>The items of a list response: a JSON array, or an object with an <c>items</c> array.</summary>
    private static JsonArray Items(JsonNode? node) => node switch
    {
        JsonArray array => array,
        JsonObject { } obj when obj["items"] is JsonArray items => items,
        _ => new JsonArray(),
    };
}
