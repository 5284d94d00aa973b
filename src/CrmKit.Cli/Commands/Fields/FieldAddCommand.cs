using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Fields;

/// <summary>
/// <c>crmkit field add &lt;entity&gt; &lt;name&gt; --type T ...</c>:
/// <c>POST /api/metadata/entities/{entity}/fields</c> with the schema built from the options.
/// </summary>
internal sealed class FieldAddCommand : CrmCommand
{
    private readonly Argument<string> _entity = CommandArguments.Entity();
    private readonly Argument<string> _name = CommandArguments.Field();
    private readonly FieldSchemaOptions _schema = new(typeRequired: true);

    public FieldAddCommand(CliRuntime runtime)
        : base("add", "Add a field to an entity", runtime)
    {
        Add(_entity);
        Add(_name);
        _schema.AddTo(this);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var entity = parseResult.GetRequiredValue(_entity);
        var name = parseResult.GetRequiredValue(_name);
        var body = new JsonObject
        {
            ["name"] = name,
            ["schema"] = _schema.BuildSchema(parseResult, current: null, context.Host.Stdin),
        };
        if (_schema.GetRequired(parseResult) is { } required)
        {
            body["required"] = required;
        }

        var response = await context.Client.SendAsync(
            HttpMethod.Post, ApiPaths.Fields(entity), body, ifMatchVersion: null, cancellationToken);
        FieldChangeOutput.Write(context, response.Body, CliMessages.FieldAdded, entity, name);
        return ExitCodes.Ok;
    }
}
