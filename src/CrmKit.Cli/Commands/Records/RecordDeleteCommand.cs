using System.CommandLine;
using CrmKit.Cli.Api;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Records;

/// <summary>
/// <c>crmkit record delete &lt;entity&gt; &lt;id&gt; [--version N]</c>: <c>DELETE /api/records/{entity}/{id}</c>, a soft
/// delete (the record goes to the recycle bin and <c>record restore</c> brings it back).
/// </summary>
internal sealed class RecordDeleteCommand : CrmCommand
{
    private readonly Argument<string> _entity = CommandArguments.Entity();
    private readonly Argument<string> _id = CommandArguments.RecordId();
    private readonly Option<long?> _version = RecordOptions.Version("delete it");

    public RecordDeleteCommand(CliRuntime runtime)
        : base("delete", "Delete a record (soft delete: it can be restored)", runtime)
    {
        Add(_entity);
        Add(_id);
        Add(_version);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var entity = parseResult.GetRequiredValue(_entity);
        var id = parseResult.GetRequiredValue(_id);
        await context.Client.SendAsync(
            HttpMethod.Delete, ApiPaths.Record(entity, id), body: null, parseResult.GetValue(_version), cancellationToken);

        // The server answers 204 with no body, so --output json prints nothing: the exit code says it worked.
        if (!context.Json)
        {
            context.Out.WriteLine(CliMessages.RecordDeleted(entity, id));
        }

        return ExitCodes.Ok;
    }
}
