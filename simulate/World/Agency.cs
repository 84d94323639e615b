using System.Text;

namespace LogSentinel.Simulate.World;

/// <summary>An agency that calls the gateway: one kind of office in one district (or the provincial data centre).</summary>
internal sealed class Agency
{
    public Agency(int index, string code, AgencyKind kind, Province province, District? district)
    {
        Index = index;
        Code = code;
        CodeUtf8 = Encoding.UTF8.GetBytes(code);
        Kind = kind;
        Province = province;
        District = district;
        var purposes = AgencyKinds.Purposes(kind);
        Purposes = new byte[purposes.Length][];
        for (var i = 0; i < purposes.Length; i++)
        {
            Purposes[i] = Encoding.UTF8.GetBytes(purposes[i]);
        }
    }

    public int Index { get; }

    public string Code { get; }

    public byte[] CodeUtf8 { get; }

    public AgencyKind Kind { get; }

    public Province Province { get; }

    public District? District { get; }

    /// <summary>Procedure codes this agency's lookups serve, as UTF-8.</summary>
    public byte[][] Purposes { get; }

    public List<NetworkRange> Networks { get; } = [];

    /// <summary>Next free host number in the first network; staff workstations take .10 upwards.</summary>
    public int NextHost { get; set; } = 10;
}
