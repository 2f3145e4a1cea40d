// A PowerShell host for tests of confirmation prompts: PromptForChoice records each call and answers with the
// choice whose label is given (for example "&No"), so a test sees that a cmdlet really asked, and what.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace DliSession.Tests
{
    public sealed class RecordedChoice
    {
        public RecordedChoice(string caption, string message, string[] labels)
        {
            Caption = caption;
            Message = message;
            Labels = labels;
        }

        public string Caption { get; }
        public string Message { get; }
        public string[] Labels { get; }
    }

    public sealed class RecordingHost : PSHost
    {
        private readonly RecordingHostUserInterface _ui;

        public RecordingHost(string answer) => _ui = new RecordingHostUserInterface(answer);

        public List<RecordedChoice> Choices => _ui.Choices;
        public override string Name => "RecordingHost";
        public override Version Version => new Version(1, 0);
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override PSHostUserInterface UI => _ui;
        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
        public override void SetShouldExit(int exitCode) { }
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
    }

    public sealed class RecordingHostUserInterface : PSHostUserInterface
    {
        private readonly string _answer;

        public RecordingHostUserInterface(string answer) => _answer = answer;

        public List<RecordedChoice> Choices { get; } = new List<RecordedChoice>();

        public override PSHostRawUserInterface RawUI => null!;

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            var labels = new string[choices.Count];
            for (var i = 0; i < choices.Count; i++) labels[i] = choices[i].Label;
            Choices.Add(new RecordedChoice(caption, message, labels));
            var answer = Array.IndexOf(labels, _answer);
            if (answer < 0) throw new InvalidOperationException($"No choice '{_answer}' among: {string.Join(", ", labels)}");
            return answer;
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new NotSupportedException("Prompt");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new NotSupportedException("PromptForCredential");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException("PromptForCredential");
        public override string ReadLine() => throw new NotSupportedException("ReadLine");
        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("ReadLineAsSecureString");
        public override void Write(string value) { }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }
        public override void WriteLine(string value) { }
        public override void WriteErrorLine(string value) { }
        public override void WriteDebugLine(string message) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteWarningLine(string message) { }
    }
}
