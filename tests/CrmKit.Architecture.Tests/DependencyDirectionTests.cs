namespace CrmKit.Architecture.Tests;

/// <summary>Keeps the project references pointing the way STYLE.md draws them.</summary>
public sealed class DependencyDirectionTests
{
    /// <summary>Which CrmKit projects each shipped project may reference directly.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["CrmKit.Sdk"] = [],
        ["CrmKit.JsonSchema"] = [],
        ["CrmKit.Core"] = ["CrmKit.Sdk", "CrmKit.JsonSchema"],
        ["CrmKit.Storage.Sqlite"] = ["CrmKit.Core"],
        ["CrmKit.Storage.PostgreSql"] = ["CrmKit.Core"],
        ["CrmKit.AspNetCore"] = ["CrmKit.Core"],
        // The CLI is a REST client; it may validate CommerceML files locally (crmkit 1c validate) with the embedded XSDs.
        ["CrmKit.CommerceMl"] = ["CrmKit.Sdk"],
        // ... and it packs editions locally (crmkit edition pack) with the same strict reader the server uses.
        ["CrmKit.Cli"] = ["CrmKit.CommerceMl", "CrmKit.Editions"],
        ["CrmKit.Plugins"] = ["CrmKit.Core"],
        // Plugin distribution from NuGet feeds: the manifest reader and planner of the plugin runtime, over Core's contracts.
        ["CrmKit.Distribution"] = ["CrmKit.Core", "CrmKit.Plugins"],
        // Editions: plugins through the distribution's package manager and feed client, everything else through Core.
        ["CrmKit.Editions"] = ["CrmKit.Core", "CrmKit.Distribution"],
        ["CrmKit.Server"] = ["CrmKit.AspNetCore", "CrmKit.Storage.Sqlite", "CrmKit.Storage.PostgreSql", "CrmKit.Plugins", "CrmKit.Distribution", "CrmKit.Editions"],
    };

    [Fact]
    public void Graph_ShouldFindTheShippedProjects()
    {
        ProjectGraph.Projects.Where(p => p.Area == "src").Select(p => p.Name)
            .ShouldBe(Allowed.Keys, ignoreOrder: true);
    }

    [Fact]
    public void SrcProjects_ShouldReferenceOnlyWhatTheLayeringAllows()
    {
        foreach (var project in ProjectGraph.Projects.Where(p => p.Area == "src"))
        {
            Allowed.ShouldContainKey(project.Name, $"{project.Name} is not in the layering table; add it deliberately.");
            project.ProjectReferences.ShouldBeSubsetOf(Allowed[project.Name], $"{project.Name} references a project it must not.");
        }
    }

    [Fact]
    public void Plugins_ShouldReferenceOnlyTheSdk()
    {
        foreach (var plugin in ProjectGraph.Projects.Where(p => p.Area == "plugins"))
        {
            plugin.ProjectReferences.ShouldBeSubsetOf(["CrmKit.Sdk"], $"{plugin.Name} must reference CrmKit.Sdk only.");
        }
    }

    [Fact]
    public void Sdk_ShouldDependOnlyOnAbstractions()
    {
        ProjectGraph.Get("CrmKit.Sdk").PackageReferences
            .Where(p => p != "Microsoft.CodeAnalysis.PublicApiAnalyzers")
            .ShouldAllBe(p => p.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && p.EndsWith(".Abstractions", StringComparison.Ordinal));
    }

    [Fact]
    public void OnlyCrmKitJsonSchema_ShouldReferenceNewtonsoftJsonSchema()
    {
        ProjectGraph.Projects
            .Where(p => p.PackageReferences.Contains("Newtonsoft.Json.Schema"))
            .Select(p => p.Name)
            .Where(n => n != "CrmKit.Benchmarks")
            .ShouldBe(["CrmKit.JsonSchema"]);
    }

    [Fact]
    public void Libraries_ShouldNotReferenceTheDependencyInjectionContainer()
    {
        // The plugin runtime is the one library that builds containers: each plugin gets a private service provider,
        // which is what lets a plugin be unloaded without leaving its services in the host's container.
        var libraries = ProjectGraph.Projects.Where(p => p.Area is "src" or "plugins" && p.Name is not "CrmKit.Server" and not "CrmKit.Cli" and not "CrmKit.Plugins");
        foreach (var library in libraries)
        {
            library.PackageReferences.ShouldNotContain("Microsoft.Extensions.DependencyInjection", $"{library.Name} must use the abstractions only.");
        }
    }

    [Fact]
    public void Projects_ShouldTakeVersionsFromCentralPackageManagement()
    {
        foreach (var project in ProjectGraph.Projects)
        {
            project.Text.ShouldNotContain("Version=\"", Case.Sensitive, $"{project.Name} pins a version; use Directory.Packages.props.");
        }
    }
}
