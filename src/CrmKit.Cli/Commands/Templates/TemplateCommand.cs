using System.CommandLine;

namespace CrmKit.Cli.Commands.Templates;

/// <summary><c>crmkit template</c>: the stored templates of the server (docs/templates.md).</summary>
internal sealed class TemplateCommand : Command
{
    public TemplateCommand(CliRuntime runtime)
        : base("template", "List, show, save, delete and preview the stored templates (e-mails, messages, documents)")
    {
        Add(new TemplateListCommand(runtime));
        Add(new TemplateShowCommand(runtime));
        Add(new TemplateSetCommand(runtime));
        Add(new TemplateDeleteCommand(runtime));
        Add(new TemplatePreviewCommand(runtime));
    }

    /// <summary>The template name argument the commands share.</summary>
    public static Argument<string> NameArgument() => new("name")
    {
        Description = "The template's name (lower snake case with dotted segments, for example deal.offer)",
    };

    /// <summary>The <c>--locale</c> option; <paramref name="description"/> says what it picks.</summary>
    public static Option<string> LocaleOption(string description) => new("--locale")
    {
        Description = description,
        HelpName = "locale",
    };
}
