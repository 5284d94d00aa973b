using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Commands.Entities;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Fields;

/// <summary>
/// <c>crmkit field update &lt;entity&gt; &lt;name&gt; ...</c>: reads the field's current schema
/// (<c>GET /api/metadata/entities/{entity}</c>), applies the options to it and sends the result with
/// <c>PATCH /api/metadata/entities/{entity}/fields/{field}</c>, so options not given keep their current values.
/// </summary>
internal sealed class FieldUpdateCommand : CrmCommand
{
    private readonly Argument<string> _entity = CommandArguments.Entity();
    private readonly Argument<string> _name = CommandArguments.Field();
    private readonly FieldSchemaOptions _schema = new(typeRequired: false);

    private readonly Option<string> _conversion = new("--conversion")
    {
        Description = "How existing values are converted: none (refuse when they violate the change) or cast",
        DefaultValueFactory = _ => "none",
    };

    private readonly Option<bool> _force = new("--force")
    {
        Description = "Apply the change even though existing values violate it; those values are archived (restorable)",
    };

    public FieldUpdateCommand(CliRuntime runtime)
        : base("update", "Change a field of an entity", runtime)
    {
        _conversion.AcceptOnlyFromAmong("none", "cast");
        Add(_entity);
        Add(_name);
        _schema.AddTo(this);
        Add(_conversion);
        Add(_force);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var entity = parseResult.GetRequiredValue(_entity);
        var name = parseResult.GetRequiredValue(_name);
        if (!_schema.AnyGiven(parseResult))
        {
            throw new CliUsageException(CliMessages.NothingToChange);
        }

        // The PATCH body carries the whole property schema, so start from what the server has now.
        var detail = await context.Client.GetAsync(ApiPaths.Entity(entity), cancellationToken);
        var current = FieldTable.FieldsOf(detail)
            .FirstOrDefault(f => JsonText.GetString(f, "name") == name)?["schema"] as JsonObject;

        var body = new JsonObject { ["schema"] = _schema.BuildSchema(parseResult, current, context.Host.Stdin) };
        if (_schema.GetRequired(parseResult) is { } required)
        {
            body["required"] = required;
        }

        body["conversion"] = parseResult.GetValue(_conversion);
        body["force"] = parseResult.GetValue(_force);

        var response = await context.Client.SendAsync(
            HttpMethod.Patch, ApiPaths.Field(entity, name), body, ifMatchVersion: null, cancellationToken);
        FieldChangeOutput.Write(context, response.Body, CliMessages.FieldUpdated, entity, name);
        return ExitCodes.Ok;
    }
}
