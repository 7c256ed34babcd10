using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Settings;

namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// CFG GET | SET &lt;json&gt; | DEFAULTS | STAGE &lt;json&gt; | COMMIT | SAVE (PROTOCOL.md §6, §11).
    /// A document longer than a line travels as STAGE parts merged into one pending configuration
    /// and applied whole by COMMIT, so a config never needs a buffer as big as itself and is never
    /// half applied. The pending configuration lives in the link's one scratch configuration, so
    /// any other CFG command (or a refused part) drops it. Documents go through the board's JSON
    /// reader, never in the sampling path, after <see cref="ConfigJsonChecker"/> has judged their syntax.
    /// </summary>
    internal sealed class ConfigHandler : ICommandHandler
    {
        private readonly IConfigDocumentReader reader;
        private readonly MonitorConfig candidate;
        private readonly ConfigErrors errors = new ConfigErrors();
        private readonly ConfigDocumentBuilder builder = new ConfigDocumentBuilder();
        private readonly ConfigJsonChecker checker = new ConfigJsonChecker();
        private int stagedParts;

        /// <param name="workConfig">Scratch for the document being read (the link's, shared: commands never overlap).</param>
        public ConfigHandler(IConfigDocumentReader reader, MonitorConfig workConfig)
        {
            this.reader = reader;
            candidate = workConfig;
        }

        public void Execute(BoardLink link, int reference)
        {
            Replies replies = link.Replies;
            LineCursor cursor = link.Cursor;
            if (!cursor.Next())
            {
                replies.MissingArgument(reference, "GET|SET|DEFAULTS|STAGE|COMMIT|SAVE");
                return;
            }

            if (!cursor.TokenIs(LinkDictionary.Stage) && !cursor.TokenIs(LinkDictionary.Commit))
            {
                // Every other CFG command uses the scratch configuration the stage lives in.
                stagedParts = 0;
            }

            if (cursor.TokenIs(LinkDictionary.Get))
            {
                if (replies.NoMoreArguments(reference))
                {
                    WriteDocument(link, reference);
                }

                return;
            }

            if (cursor.TokenIs(LinkDictionary.Stage))
            {
                Stage(link, reference);
                return;
            }

            if (cursor.TokenIs(LinkDictionary.Save))
            {
                if (replies.NoMoreArguments(reference))
                {
                    Save(link, reference);
                }

                return;
            }

            bool commit = cursor.TokenIs(LinkDictionary.Commit);
            bool defaults = cursor.TokenIs(LinkDictionary.Defaults);
            bool set = cursor.TokenIs(LinkDictionary.Set);
            if (!commit && !defaults && !set)
            {
                replies.BadArgument(reference, "GET|SET|DEFAULTS|STAGE|COMMIT|SAVE");
                return;
            }

            if (set)
            {
                int start = cursor.RestStart();
                if (start >= cursor.End)
                {
                    replies.MissingArgument(reference, "json");
                    return;
                }

                link.Monitor.CopyConfigTo(candidate);
                if (!Read(link, reference, candidate, start))
                {
                    return;
                }

                Apply(link, reference, candidate);
                return;
            }

            if (!replies.NoMoreArguments(reference))
            {
                return;
            }

            if (defaults)
            {
                candidate.ResetToDefaults();
                Apply(link, reference, candidate);
                return;
            }

            if (stagedParts == 0)
            {
                // COMMIT with nothing staged applies the configuration in force: a no-op, but answered.
                link.Monitor.CopyConfigTo(candidate);
            }

            stagedParts = 0;
            Apply(link, reference, candidate);
        }

        private void Stage(BoardLink link, int reference)
        {
            LineCursor cursor = link.Cursor;
            int start = cursor.RestStart();
            if (start >= cursor.End)
            {
                link.Replies.MissingArgument(reference, "json");
                return;
            }

            if (stagedParts == 0)
            {
                link.Monitor.CopyConfigTo(candidate);
            }

            if (!Read(link, reference, candidate, start))
            {
                // The part may have been half read into the pending configuration: drop it all.
                stagedParts = 0;
                return;
            }

            stagedParts++;
            link.Replies.BeginOk(reference);
            link.Transport.Writer.Field(WireField.Staged, stagedParts);
            link.Transport.Send();
        }

        /// <summary>Reads a document into <paramref name="target"/>; on failure replies and returns false.</summary>
        private bool Read(BoardLink link, int reference, MonitorConfig target, int start)
        {
            LineCursor cursor = link.Cursor;
            errors.Clear();
            builder.Begin(target, errors);
            try
            {
                // The core judges the syntax for every board; the reader only sees documents it passed.
                if (checker.Check(link.Transport.Line, start, cursor.End - start, builder))
                {
                    reader.Read(checker, builder);
                }
            }
            catch (System.Exception)
            {
                // The reader promises not to throw; if one does anyway the command still fails cleanly.
                builder.SyntaxError("the JSON reader failed on this document");
            }

            if (!builder.End())
            {
                ReplyErrors(link, reference, builder.HasSyntaxError ? LinkError.BadJson : LinkError.ConfigInvalid);
                return false;
            }

            return true;
        }

        private void Apply(BoardLink link, int reference, MonitorConfig config)
        {
            errors.Clear();
            if (!link.Monitor.Configure(config, errors, link.LinkTimeMs))
            {
                ReplyErrors(link, reference, LinkError.ConfigInvalid);
                return;
            }

            link.Replies.BeginOk(reference);
            link.Transport.Writer.Field(WireField.PeriodMs, link.Monitor.Derived.SamplePeriodMs);
            link.Transport.Writer.Field(WireField.Burst, link.Monitor.Derived.BurstLength);
            link.Transport.Send();
        }

        private void Save(BoardLink link, int reference)
        {
            link.Monitor.CopyConfigTo(candidate);
            if (link.Settings == null || !link.Settings.Save(candidate))
            {
                link.Replies.BeginError(reference, LinkError.StorageFailed);
                link.Transport.Writer.Field(WireField.Storage, link.Settings == null ? "none" : "write_failed");
                link.Transport.Send();
                return;
            }

            link.Monitor.ReportBoardEvent(EventId.SettingsSaved, link.LinkTimeMs, link.Settings.Generation, SettingsStore.ImageBytes);
            link.Replies.BeginOk(reference);
            link.Transport.Writer.Field(WireField.Generation, link.Settings.Generation);
            link.Transport.Writer.Field(WireField.ImageBytes, SettingsStore.ImageBytes);
            link.Transport.Send();
        }

        private void WriteDocument(BoardLink link, int reference)
        {
            link.Monitor.CopyConfigTo(candidate);
            LineTransport transport = link.Transport;
            transport.BeginLine(LinkDictionary.Config);
            transport.Writer.Space();
            transport.Writer.Int(reference);
            transport.Writer.Space();
            ConfigDocumentWriter.Write(candidate, transport.Writer);
            transport.Send();
        }

        private void ReplyErrors(BoardLink link, int reference, LinkError error)
        {
            link.Replies.BeginError(reference, error);
            LineWriter writer = link.Transport.Writer;
            writer.Field(WireField.Errors, errors.Count);
            if (errors.Count > 0)
            {
                writer.Field(WireField.Field, errors[0].Field);
                writer.Key(WireField.Message);
                for (int i = 0; i < errors.Count; i++)
                {
                    if (i > 0)
                    {
                        writer.Text("; ");
                    }

                    writer.Text(errors[i].ToString());
                }
            }

            link.Transport.Send();
        }
    }
}
