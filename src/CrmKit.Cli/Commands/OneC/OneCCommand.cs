using System.CommandLine;

namespace CrmKit.Cli.Commands.OneC;

/// <summary><c>crmkit 1c</c>: CommerceML files for 1C — validate one locally, export deals from the server.</summary>
internal sealed class OneCCommand : Command
{
    public OneCCommand(CliRuntime runtime)
        : base("1c", "1C exchange: validate CommerceML files, export deals as CommerceML 2.10 (needs the crmkit.onec plugin on the server)")
    {
        Add(new OneCValidateCommand(runtime));
        Add(new OneCExportCommand(runtime));
    }
}
