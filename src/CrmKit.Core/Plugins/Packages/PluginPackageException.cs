namespace CrmKit.Core.Plugins.Packages;

/// <summary>A plugin package operation was refused or failed; nothing was left changed.</summary>
public sealed class PluginPackageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PluginPackageException()
        : this([new PluginPackageProblem(PluginPackageErrorCodes.Failed, "The plugin package operation failed.")])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public PluginPackageException(string message)
        : this([new PluginPackageProblem(PluginPackageErrorCodes.Failed, message)])
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PluginPackageException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new PluginPackageProblem(PluginPackageErrorCodes.Failed, message)];
    }

    /// <summary>Creates the exception from problems.</summary>
    /// <param name="problems">What went wrong; at least one.</param>
    /// <param name="innerException">The cause, if any.</param>
    public PluginPackageException(IReadOnlyList<PluginPackageProblem> problems, Exception? innerException = null)
        : base(Describe(problems), innerException)
    {
        Problems = [.. problems];
    }

    /// <summary>What went wrong.</summary>
    public IReadOnlyList<PluginPackageProblem> Problems { get; }

    /// <summary>The first problem's code.</summary>
    public string Code => Problems.Count > 0 ? Problems[0].Code : PluginPackageErrorCodes.Failed;

    private static string Describe(IReadOnlyList<PluginPackageProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Count == 0 ? "The plugin package operation failed." : string.Join(" ", problems.Select(p => p.Message));
    }
}
