using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Commands.Records;
using CrmKit.Cli.Input;

namespace CrmKit.Cli.Commands.Plugins;

/// <summary>
/// <c>crmkit plugin settings get|set &lt;id&gt;</c>: <c>GET|PUT /api/plugins/{id}/settings</c>. Settings are JSON, so
/// both print the server's answer as JSON: the values (secrets never come back), the names of the secrets that are set,
/// and the version to pass to the next <c>set</c>.
/// </summary>
internal sealed class PluginSettingsCommand : Command
{
    public PluginSettingsCommand(CliRuntime runtime)
        : base("settings", "Read or save a plugin's settings (validated by the plugin's JSON Schema; secrets are write-only)")
    {
        Add(new GetCommand(runtime));
        Add(new SetCommand(runtime));
    }

    private sealed class GetCommand : CrmCommand
    {
        private readonly Argument<string> _id = PluginCommand.IdArgument();

        public GetCommand(CliRuntime runtime)
            : base("get", "Show a plugin's settings; secrets are listed by name only", runtime)
        {
            Add(_id);
        }

        protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
        {
            var settings = await context.Client.GetAsync(ApiPaths.PluginSettings(context.ParseResult.GetRequiredValue(_id)), cancellationToken);
            context.WriteJson(settings);
            return ExitCodes.Ok;
        }
    }

    private sealed class SetCommand : CrmCommand
    {
        private readonly Argument<string> _id = PluginCommand.IdArgument();
        private readonly Option<string> _data = RecordOptions.Data("The settings (all non-secret values; a secret left out keeps its value, null clears it)");
        private readonly Option<long?> _version = RecordOptions.Version("save them");

        public SetCommand(CliRuntime runtime)
            : base("set", "Save a plugin's settings", runtime)
        {
            Add(_id);
            Add(_data);
            Add(_version);
        }

        protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
        {
            var parseResult = context.ParseResult;
            var values = JsonInput.ReadObject("--data", parseResult.GetRequiredValue(_data), context.Host.Stdin);
            var body = new JsonObject { ["values"] = values };
            if (parseResult.GetValue(_version) is { } version)
            {
                body["version"] = version;
            }

            var response = await context.Client.SendAsync(
                HttpMethod.Put, ApiPaths.PluginSettings(parseResult.GetRequiredValue(_id)), body, ifMatchVersion: null, cancellationToken);
            context.WriteJson(response.Body);
            return ExitCodes.Ok;
        }
    }
}
