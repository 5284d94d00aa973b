namespace CrmKit.Core.Plugins.Packages;

/// <summary>Why a plan cannot be applied, or why applying failed.</summary>
/// <param name="Code">A stable code from <see cref="PluginPackageErrorCodes"/>, such as <c>plugin_package.not_found</c>.</param>
/// <param name="Message">A precise English sentence naming the package, versions, ranges or feed involved.</param>
/// <param name="PackageId">The package concerned; null when the problem is not about one package (a feed, the lock).</param>
public sealed record PluginPackageProblem(string Code, string Message, string? PackageId = null);
