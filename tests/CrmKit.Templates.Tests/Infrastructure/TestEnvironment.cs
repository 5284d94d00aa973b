using System.Reflection;

namespace CrmKit.Templates.Tests.Infrastructure;

/// <summary>Where the tests find the repository and the packed packages.</summary>
internal static class TestEnvironment
{
    /// <summary>The environment variable naming the folder with the packed .nupkg files.</summary>
    public const string PackagesVariable = "CRMKIT_PACKAGES";

    /// <summary>The folder with the packed packages, or null when the variable is not set.</summary>
    public static string? PackagesFolder =>
        Environment.GetEnvironmentVariable(PackagesVariable) is { Length: > 0 } folder ? Path.GetFullPath(folder) : null;

    /// <summary>The root of the repository the tests were built from.</summary>
    public static string RepositoryRoot { get; } = typeof(TestEnvironment).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The repository's <c>templates/content</c> folder.</summary>
    public static string TemplatesContent => Path.Combine(RepositoryRoot, "templates", "content");
}
