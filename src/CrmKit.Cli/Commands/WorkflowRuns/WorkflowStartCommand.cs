using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Output;

namespace CrmKit.Cli.Commands.WorkflowRuns;

/// <summary><c>crmkit workflow start &lt;name&gt; [--entity lead --id &lt;uuid&gt;]</c>: <c>POST /api/workflows/{name}/runs</c>.</summary>
internal sealed class WorkflowStartCommand : CrmCommand
{
    private readonly Argument<string> _name = new("name") { Description = "The workflow's name" };

    private readonly Option<string?> _entity = new("--entity", "-e") { Description = "The record's entity", HelpName = "entity" };

    private readonly Option<string?> _id = new("--id") { Description = "The record's id", HelpName = "uuid" };

    public WorkflowStartCommand(CliRuntime runtime)
        : base("start", "Start an enabled workflow now, optionally for a record", runtime)
    {
        Add(_name);
        Add(_entity);
        Add(_id);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parse = context.ParseResult;
        var name = parse.GetRequiredValue(_name);
        var body = new JsonObject();
        if (parse.GetValue(_entity) is { } entity)
        {
            body["entity"] = entity;
        }

        if (parse.GetValue(_id) is { } id)
        {
            body["recordId"] = id;
        }

        var response = await context.Client.SendAsync(HttpMethod.Post, WorkflowRunPaths.Runs(name), body, ifMatchVersion: null, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(response.Body);
        }
        else
        {
            var version = response.Body?["version"] is JsonValue v && v.TryGetValue(out long n) ? n : 0;
            context.Out.WriteLine(WorkflowRunCliMessages.Started(JsonText.GetString(response.Body, "id") ?? "", name, version));
        }

        return ExitCodes.Ok;
    }
}
