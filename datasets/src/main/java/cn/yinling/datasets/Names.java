package cn.yinling.datasets;

/**
 * Chinese personal names drawn from common surnames (weighted roughly by frequency) and given-name characters by sex.
 * A person's name is a pure function of the seed and the person's index, so it need not be stored.
 */
final class Names {

    private static final String SURNAMES =
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String MALE =
            "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘";
    private static final String FEMALE =
            "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽";

    /** Cumulative weights of the surnames: the first ones are far more common (王, 李, 张 ≈ 7 % each). */
    private static final double[] SURNAME_CUMULATIVE = new double[SURNAMES.length()];

    static {
        double sum = 0;
        double[] w = new double[SURNAMES.length()];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1.0 / Math.pow(i + 1.5, 0.95);
            sum += w[i];
        }
        double running = 0;
        for (int i = 0; i < w.length; i++) {
            running += w[i] / sum;
            SURNAME_CUMULATIVE[i] = running;
        }
        SURNAME_CUMULATIVE[w.length - 1] = 1.0;
    }

    private Names() {
    }

    static String name(long seed, long person, boolean male) {
        long h = Rng.mix(seed * 0x9E3779B97F4A7C15L + person * 0xD1B54A32D192ED03L + 0x5851F42D4C957F2DL);
        double u = (h >>> 11) * 0x1.0p-53;
        int s = 0;
        while (SURNAME_CUMULATIVE[s] < u) {
            s++;
        }
        String given = male ? MALE : FEMALE;
        long h2 = Rng.mix(h);
        int first = (int) Long.remainderUnsigned(h2, given.length());
        boolean twoChars = Long.remainderUnsigned(h2 >>> 20, 100) < 72;
        StringBuilder sb = new StringBuilder(3).append(SURNAMES.charAt(s)).append(given.charAt(first));
        if (twoChars) {
            sb.append(given.charAt((int) Long.remainderUnsigned(h2 >>> 30, given.length())));
        }
        return sb.toString();
    }
}
