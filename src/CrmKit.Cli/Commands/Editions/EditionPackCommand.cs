using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Resources;
using CrmKit.Core.Editions;
using CrmKit.Editions.Packing;

namespace CrmKit.Cli.Commands.Editions;

/// <summary>
/// <c>crmkit edition pack [folder] [--into dir]</c>: packs an edition project into a <c>CrmKitEdition</c> NuGet package,
/// locally, without a server. The edition is read strictly first; every problem is printed with its file and JSON
/// pointer and nothing is written.
/// </summary>
internal sealed class EditionPackCommand : CrmCommand
{
    private readonly Argument<string> _folder = new("folder")
    {
        Description = "The edition project folder (the one holding edition.json); default the current folder",
        DefaultValueFactory = _ => ".",
    };

    // Not -o: that is the global output format (table|json).
    private readonly Option<string> _output = new("--into")
    {
        Description = "Where to write the package (default the project folder's bin/)",
        HelpName = "dir",
    };

    public EditionPackCommand(CliRuntime runtime)
        : base("pack", "Pack an edition project into a NuGet package of type CrmKitEdition (no server needed)", runtime)
    {
        Add(_folder);
        Add(_output);
    }

    protected override Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(context.ParseResult.GetRequiredValue(_folder));
        var output = Path.GetFullPath(context.ParseResult.GetValue(_output) ?? Path.Combine(folder, "bin"));
        try
        {
            var path = EditionPackager.Pack(folder, output);
            var (id, version) = EditionPackager.Check(folder);
            if (context.Json)
            {
                context.WriteJson(new JsonObject { ["id"] = id, ["version"] = version, ["package"] = path });
            }
            else
            {
                context.Out.WriteLine(CliMessages.EditionPacked(id, version, path));
            }

            return Task.FromResult(ExitCodes.Ok);
        }
        catch (EditionException e)
        {
            if (context.Json)
            {
                context.WriteJson(new JsonObject { ["problems"] = EditionOutput.Problems(e.Problems) });
            }
            else
            {
                context.Host.Stderr.WriteLine(CliMessages.EditionInvalid(e.Problems.Count));
                foreach (var p in e.Problems)
                {
                    context.Host.Stderr.WriteLine(CliMessages.EditionProblemLine(p.Code, p.File ?? "", p.Path is { Length: > 0 } ? "#" + p.Path : "", p.Message));
                }
            }

            return Task.FromResult(ExitCodes.Refused);
        }
    }
}
