namespace CrmKit.Cli.Api;

/// <summary>The server answered with an error status; carries the problem to show.</summary>
internal sealed class ApiProblemException(ApiProblem problem)
    : Exception($"{problem.Code}: {problem.Title}")
{
    public ApiProblem Problem { get; } = problem;
}
