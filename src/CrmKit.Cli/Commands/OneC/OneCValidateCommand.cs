using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Resources;
using CrmKit.CommerceMl;

namespace CrmKit.Cli.Commands.OneC;

/// <summary>
/// <c>crmkit 1c validate &lt;file&gt; [--version 2.10|2.08]</c>: checks a CommerceML file against the official schema,
/// locally (the XSDs are embedded in CrmKit.CommerceMl; no server is asked). Every error and warning is printed with
/// its line and position — a warning is a failure too, since a file outside the CommerceML namespace only gets
/// warnings — and any of them makes the exit code 1.
/// </summary>
internal sealed class OneCValidateCommand : CrmCommand
{
    private readonly Argument<string> _file = new("file") { Description = "The CommerceML file (any encoding its XML declaration names)" };

    private readonly Option<string> _version = new("--version")
    {
        Description = "The schema version to check against",
        HelpName = "2.10|2.08",
        DefaultValueFactory = _ => "2.10",
    };

    public OneCValidateCommand(CliRuntime runtime)
        : base("validate", "Validate a CommerceML file against the official 2.10 (or 2.08) schema; warnings count as failures", runtime)
    {
        _version.AcceptOnlyFromAmong("2.10", "2.08");
        Add(_file);
        Add(_version);
    }

    protected override Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var file = context.ParseResult.GetRequiredValue(_file);
        if (!CommerceMlSchemas.TryParseVersion(context.ParseResult.GetValue(_version), out var version))
        {
            version = CommerceMlSchemaVersion.V210;
        }
        IReadOnlyList<CommerceMlIssue> issues;
        try
        {
            issues = CommerceMlValidator.ValidateFile(file, version);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException(CliMessages.CannotReadCommerceMl(file, ex.Message), ex);
        }

        var versionText = CommerceMlSchemas.ToText(version);
        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["file"] = file,
                ["version"] = versionText,
                ["valid"] = issues.Count == 0,
                ["issues"] = new JsonArray(issues.Select(i => (JsonNode)new JsonObject
                {
                    ["severity"] = i.Severity == CommerceMlIssueSeverity.Error ? "error" : "warning",
                    ["line"] = i.Line,
                    ["position"] = i.Position,
                    ["message"] = i.Message,
                }).ToArray()),
            });
        }
        else
        {
            foreach (var issue in issues)
            {
                context.Out.WriteLine($"{file}:{issue.Line}:{issue.Position}: {(issue.Severity == CommerceMlIssueSeverity.Error ? "error" : "warning")}: {issue.Message}");
            }

            context.Out.WriteLine(issues.Count == 0
                ? CliMessages.CommerceMlValid(file, versionText)
                : CliMessages.CommerceMlInvalid(file, versionText,
                    issues.Count(i => i.Severity == CommerceMlIssueSeverity.Error), issues.Count(i => i.Severity == CommerceMlIssueSeverity.Warning)));
        }

        return Task.FromResult(issues.Count == 0 ? ExitCodes.Ok : ExitCodes.Refused);
    }
}
