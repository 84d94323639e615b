namespace LogSentinel.Simulate.World;

/// <summary>Real provinces and districts the simulated world is drawn from, in a fixed order.</summary>
internal static class ProvinceCatalog
{
    public static readonly IReadOnlyList<Province> All =
    [
        new(60, "BTH", "bth", "Binh Thuan", Districts(
            ("TUYPHONG", "tp"), ("BACBINH", "bb"), ("HAMTHUANBAC", "htb"), ("HAMTHUANNAM", "htn"),
            ("PHANTHIET", "pt"), ("LAGI", "lg"), ("TANHLINH", "tl"), ("DUCLINH", "dl"), ("HAMTAN", "ht"), ("PHUQUI", "pq"))),
        new(19, "TNG", "tng", "Thai Nguyen", Districts(
            ("THAINGUYEN", "tn"), ("SONGCONG", "sc"), ("PHOYEN", "py"), ("DAITU", "dt"), ("DINHHOA", "dh"),
            ("PHULUONG", "pl"), ("DONGHY", "dhy"), ("VONHAI", "vn"))),
        new(89, "AGG", "agg", "An Giang", Districts(
            ("LONGXUYEN", "lx"), ("CHAUDOC", "cd"), ("TANCHAU", "tc"), ("ANPHU", "ap"), ("CHAUPHU", "cp"),
            ("TINHBIEN", "tb"), ("TRITON", "tt"), ("CHOMOI", "cm"))),
        new(6, "BKN", "bkn", "Bac Kan", Districts(
            ("BACKAN", "bk"), ("BABE", "bbe"), ("PACNAM", "pn"), ("CHODON", "cdn"), ("NARI", "nr"),
            ("NGANSON", "ns"), ("BACHTHONG", "bt"), ("CHOMOI", "cmi"))),
        new(48, "DNG", "dng", "Da Nang", Districts(
            ("HAICHAU", "hc"), ("THANHKHE", "tk"), ("SONTRA", "st"), ("NGUHANHSON", "nhs"), ("LIENCHIEU", "lc"),
            ("CAMLE", "cl"), ("HOAVANG", "hv"))),
        new(1, "HNI", "hni", "Ha Noi", Districts(
            ("BADINH", "bd"), ("HOANKIEM", "hk"), ("DONGDA", "dd"), ("CAUGIAY", "cg"), ("HADONG", "hd"),
            ("LONGBIEN", "lb"), ("THANHXUAN", "tx"), ("SOCSON", "ss"))),
        new(79, "HCM", "hcm", "Ho Chi Minh City", Districts(
            ("QUAN1", "q1"), ("QUAN3", "q3"), ("BINHTHANH", "bth"), ("GOVAP", "gv"), ("THUDUC", "td"),
            ("TANBINH", "tbi"), ("CUCHI", "cc"), ("NHABE", "nb"))),
        new(52, "BDH", "bdh", "Binh Dinh", Districts(
            ("QUYNHON", "qn"), ("ANNHON", "an"), ("HOAINHON", "hn"), ("PHUCAT", "pc"), ("TUYPHUOC", "tph"),
            ("PHUMY", "pm"), ("TAYSON", "ts"), ("VANCANH", "vc"))),
    ];

    private static District[] Districts(params (string Code, string Short)[] items)
    {
        var result = new District[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            result[i] = new District(items[i].Code, items[i].Short);
        }

        return result;
    }
}
