namespace LogSentinel.Detect.Windows;

/// <summary>Binary writing and reading of the small collections detector states hold, for checkpoints.</summary>
internal static class StateIo
{
    public static void Write(BinaryWriter writer, List<int> values)
    {
        writer.Write(values.Count);
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    public static void Write(BinaryWriter writer, List<ulong> values)
    {
        writer.Write(values.Count);
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    public static void Write(BinaryWriter writer, ulong[] values)
    {
        writer.Write(values.Length);
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    public static void Write(BinaryWriter writer, long[] values)
    {
        writer.Write(values.Length);
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    public static void Read(BinaryReader reader, List<int> into)
    {
        into.Clear();
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            into.Add(reader.ReadInt32());
        }
    }

    public static void Read(BinaryReader reader, List<ulong> into)
    {
        into.Clear();
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            into.Add(reader.ReadUInt64());
        }
    }

    /// <summary>Reads into a fixed-size array of the same length.</summary>
    public static void Read(BinaryReader reader, ulong[] into)
    {
        var count = reader.ReadInt32();
        if (count != into.Length)
        {
            throw new InvalidDataException("A checkpointed array does not fit the detector's; the settings changed.");
        }

        for (var i = 0; i < count; i++)
        {
            into[i] = reader.ReadUInt64();
        }
    }

    public static void Read(BinaryReader reader, long[] into)
    {
        var count = reader.ReadInt32();
        if (count != into.Length)
        {
            throw new InvalidDataException("A checkpointed array does not fit the detector's; the settings changed.");
        }

        for (var i = 0; i < count; i++)
        {
            into[i] = reader.ReadInt64();
        }
    }
}
