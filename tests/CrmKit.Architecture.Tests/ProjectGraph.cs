using System.Reflection;
using System.Xml.Linq;

namespace CrmKit.Architecture.Tests;

/// <summary>The projects of the repository with their project and package references, read from the .csproj files.</summary>
internal static class ProjectGraph
{
    public static string Root { get; } = typeof(ProjectGraph).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static IReadOnlyList<ProjectInfo> Projects { get; } = Load();

    public static ProjectInfo Get(string name) => Projects.Single(p => p.Name == name);

    private static List<ProjectInfo> Load()
    {
        var files = new[] { "src", "plugins", "tests" }
            .Select(d => Path.Combine(Root, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.csproj", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        return files.Select(Read).ToList();
    }

    private static ProjectInfo Read(string path)
    {
        var xml = XDocument.Load(path);
        var projects = xml.Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();
        var packages = xml.Descendants("PackageReference").Select(e => e.Attribute("Include")!.Value).ToList();
        var area = Path.GetRelativePath(Root, path).Split(Path.DirectorySeparatorChar)[0];
        return new ProjectInfo(Path.GetFileNameWithoutExtension(path), area, projects, packages,
            xml.Descendants("Project").First().Attribute("Sdk")?.Value ?? "", xml.ToString());
    }
}

internal sealed record ProjectInfo(
    string Name, string Area, IReadOnlyList<string> ProjectReferences, IReadOnlyList<string> PackageReferences, string Sdk, string Text);
