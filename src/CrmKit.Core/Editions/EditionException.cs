namespace CrmKit.Core.Editions;

/// <summary>An edition could not be read, planned or applied; nothing was changed.</summary>
public sealed class EditionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EditionException()
        : this([new EditionProblem(EditionErrorCodes.Failed, "The edition operation failed.")])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public EditionException(string message)
        : this([new EditionProblem(EditionErrorCodes.Failed, message)])
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public EditionException(string message, Exception innerException)
        : this([new EditionProblem(EditionErrorCodes.Failed, message)], innerException)
    {
    }

    /// <summary>Creates the exception from problems.</summary>
    /// <param name="problems">The problems (at least one).</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <param name="plan">The plan that failed, if one was made.</param>
    public EditionException(IReadOnlyList<EditionProblem> problems, Exception? innerException = null, EditionPlan? plan = null)
        : base(Describe(problems), innerException)
    {
        Problems = [.. problems];
        Plan = plan;
    }

    /// <summary>The problems.</summary>
    public IReadOnlyList<EditionProblem> Problems { get; }

    /// <summary>The code of the first problem.</summary>
    public string Code => Problems.Count > 0 ? Problems[0].Code : EditionErrorCodes.Failed;

    /// <summary>The plan that could not be applied, when one was made.</summary>
    public EditionPlan? Plan { get; }

    private static string Describe(IReadOnlyList<EditionProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Count == 0 ? "The edition operation failed." : string.Join(" ", problems.Select(p => p.Message));
    }
}
