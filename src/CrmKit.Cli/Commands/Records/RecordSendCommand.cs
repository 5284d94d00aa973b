using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Input;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Records;

/// <summary>
/// <c>crmkit record send &lt;entity&gt; &lt;id&gt; &lt;message&gt; [--data ...]</c>:
/// <c>POST /api/records/{entity}/{id}/messages/{message}</c> with the message's input; prints the handler's output.
/// </summary>
internal sealed class RecordSendCommand : CrmCommand
{
    private readonly Argument<string> _entity = CommandArguments.Entity();
    private readonly Argument<string> _id = CommandArguments.RecordId();

    private readonly Argument<string> _message = new("message")
    {
        Description = "The message's name, for example lead.qualify",
    };

    private readonly Option<string> _data = new("--data", "-d")
    {
        Description = "The message's input (an object): inline JSON, @file, or - for standard input; {} when omitted",
        HelpName = "json|@file|-",
    };

    public RecordSendCommand(CliRuntime runtime)
        : base("send", "Send a plugin-defined message to a record (it runs through the record pipeline)", runtime)
    {
        Add(_entity);
        Add(_id);
        Add(_message);
        Add(_data);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var message = parseResult.GetRequiredValue(_message);
        var data = parseResult.GetValue(_data) is { } text ? JsonInput.ReadObject("--data", text, context.Host.Stdin) : new JsonObject();
        var response = await context.Client.SendAsync(
            HttpMethod.Post,
            ApiPaths.RecordMessage(parseResult.GetRequiredValue(_entity), parseResult.GetRequiredValue(_id), message),
            data,
            ifMatchVersion: null,
            cancellationToken);
        if (context.Json)
        {
            context.WriteJson(response.Body);
        }
        else if (response.Body?["output"] is { } output)
        {
            context.Out.WriteLine(JsonText.ToIndented(output));
        }
        else
        {
            context.Out.WriteLine(CliMessages.MessageSentNoOutput(message));
        }

        return ExitCodes.Ok;
    }
}
