// Word lists for the sample data. Chinese strings used in tickets_cn.csv must
// exist in GBK (two-byte GB18030), which all of the ones below do.

/** [hanzi, pinyin] family names and given names. */
export const FAMILY = [
	['王', 'Wang'],
	['李', 'Li'],
	['张', 'Zhang'],
	['刘', 'Liu'],
	['陈', 'Chen'],
	['杨', 'Yang'],
	['黄', 'Huang'],
	['赵', 'Zhao'],
	['吴', 'Wu'],
	['周', 'Zhou'],
	['徐', 'Xu'],
	['孙', 'Sun'],
	['马', 'Ma'],
	['朱', 'Zhu'],
	['胡', 'Hu'],
	['郭', 'Guo'],
	['何', 'He'],
	['林', 'Lin'],
	['高', 'Gao'],
	['罗', 'Luo']
];
export const GIVEN = [
	['伟', 'Wei'],
	['芳', 'Fang'],
	['娜', 'Na'],
	['敏', 'Min'],
	['静', 'Jing'],
	['丽', 'Li'],
	['强', 'Qiang'],
	['磊', 'Lei'],
	['军', 'Jun'],
	['洋', 'Yang'],
	['勇', 'Yong'],
	['艳', 'Yan'],
	['杰', 'Jie'],
	['娟', 'Juan'],
	['涛', 'Tao'],
	['明', 'Ming'],
	['超', 'Chao'],
	['秀英', 'Xiuying'],
	['霞', 'Xia'],
	['平', 'Ping'],
	['婷', 'Ting'],
	['浩然', 'Haoran'],
	['子涵', 'Zihan'],
	['欣怡', 'Xinyi'],
	['宇轩', 'Yuxuan']
];
export const WESTERN_GIVEN = ['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Lucas', 'Sophia', 'Mia', 'Ethan', 'Chloe', 'Jonas', 'Léa'];
export const WESTERN_FAMILY = ['Smith', 'Chen', 'Müller', 'García', "O'Brien", 'Nguyen', 'Kim', 'Brown', 'Dubois', 'Rossi'];

export const EMAIL_DOMAINS = ['qq.com', '163.com', '126.com', 'gmail.com', 'outlook.com', 'example.com', 'foxmail.com'];

/** [city, postcode prefix, postcode length, weight]; the 0-prefixed ones must stay text. */
export const CITIES = [
	['北京', '100', 6, 14],
	['上海', '200', 6, 14],
	['广州', '510', 6, 9],
	['深圳', '518', 6, 9],
	['杭州', '310', 6, 7],
	['成都', '610', 6, 6],
	['武汉', '430', 6, 5],
	['南京', '210', 6, 5],
	['西安', '710', 6, 4],
	['天津', '300', 6, 4],
	['重庆', '400', 6, 4],
	['苏州', '215', 6, 4],
	['哈尔滨', '150', 6, 2],
	['呼和浩特', '010', 6, 3],
	['包头', '014', 6, 2],
	['Boston', '021', 5, 2],
	['Newark', '071', 5, 1],
	['Hartford', '061', 5, 1],
	['Singapore', '', 0, 1]
];

export const SEGMENTS = ['Regular', 'VIP', 'New', 'Wholesale'];

/** [name, list price in CNY]. Some names carry commas on purpose. */
export const PRODUCTS = [
	['Wireless Earbuds', 299],
	['Phone Case, Clear', 39],
	['USB-C Cable 2m', 29.9],
	['Power Bank 10000mAh', 129],
	['Smart Watch', 899],
	['Bluetooth Speaker', 259],
	['Laptop Stand', 159],
	['Mechanical Keyboard', 469],
	['Wireless Mouse', 89],
	['Desk Lamp', 139],
	['保温杯 500ml', 79],
	['Green Tea 250g', 68],
	['绿茶礼盒', 198],
	['Running Shoes', 559],
	['Yoga Mat', 99],
	['Backpack 20L', 219],
	['Notebook A5 (3-pack)', 35],
	['Ceramic Mug', 45],
	['Coffee Beans 1kg', 149],
	['Face Cream 50ml', 329],
	['Sunscreen SPF50', 119],
	['Shampoo 400ml', 59.9],
	['Baby Wipes, 80 ct', 19.9],
	['Rice Cooker', 499],
	['Air Fryer', 399],
	['Electric Kettle', 129],
	['Pillow', 89],
	['Bed Sheet Set, Queen', 269],
	['T-Shirt', 79],
	['Jeans', 299],
	['Socks 5-pack', 39.9],
	['Umbrella', 59],
	['Sunglasses', 189],
	["Kids' Puzzle 500pc", 49],
	['Building Blocks Set', 359],
	['Dog Food 2kg', 119],
	['4K Monitor 27"', 1999],
	['Robot Vacuum', 1599]
];

export const PAYMENT_METHODS = [
	['alipay', 38],
	['wechat_pay', 30],
	['credit_card', 18],
	['debit_card', 8],
	['voucher', 3],
	['bank_transfer', 3]
];

export const AGENTS = [
	'Zhang Li',
	'Wang Fang',
	'Chen Jie',
	'Liu Yang',
	'Sophie Martin',
	'Tom Becker',
	'李娜',
	'赵磊',
	'Zhou Min',
	'Hu Tao'
];

export const SUBJECTS = [
	'Where is my order?',
	'Refund request',
	'Invoice needed',
	'Product question',
	'Change delivery address',
	'Complaint: damaged item',
	'Follow-up call',
	'Promotion info',
	'会员积分查询',
	'退货申请',
	'Payment failed, card charged twice'
];

/** Ticket vocabulary: canonical value and its Chinese label for tickets_cn.csv. */
export const CATEGORIES = [
	['delivery', '物流', 30],
	['refund', '退款', 20],
	['product_quality', '质量问题', 18],
	['account', '账户', 10],
	['invoice', '发票', 8],
	['technical', '技术问题', 14]
];
export const PRIORITIES = [
	['low', '低', 25, 30],
	['normal', '中', 50, 16],
	['high', '高', 20, 8],
	['urgent', '紧急', 5, 4]
];
export const TICKET_STATUS_CN = { open: '待处理', pending: '处理中', resolved: '已解决', closed: '已关闭' };
export const CHANNEL_CN = { phone: '电话', wechat: '微信', email: '邮件', web: '网页' };

/** Feedback comments by mood; several need RFC 4180 quoting. */
export const COMMENTS = {
	good: [
		'Great quality',
		'Fast delivery, well packed',
		'物流很快，包装完好',
		'Will buy again',
		'非常满意',
		'Good product.\nWill buy again next month.',
		'Exactly as described',
		'客服态度很好',
		'Five stars, recommended to friends'
	],
	mixed: ['OK, but delivery took a while', 'Average', '还行', 'Size runs small', 'Nice item; the "gift box" was missing', '价格有点贵'],
	bad: [
		'Arrived late and damaged',
		'质量太差了',
		'Wrong item sent, still waiting for refund',
		'Box was "slightly" damaged',
		'Customer service never called back.\nVery disappointed.',
		'发货太慢'
	]
};

/** [name, first day, last day, channels, conversion rate, weight] */
export const CAMPAIGNS = [
	['Spring Sale 2025', '2025-03-01', '2025-03-15', ['email', 'wechat', 'sms'], 0.06, 12],
	['618 Mid-Year Sale', '2025-06-01', '2025-06-18', ['wechat', 'email', 'sms'], 0.09, 18],
	['Welcome Series', '2025-01-01', '2025-12-31', ['email'], 0.04, 14],
	['Win-back Q3', '2025-07-01', '2025-09-30', ['email', 'phone'], 0.03, 10],
	['Double 11', '2025-10-20', '2025-11-11', ['wechat', 'sms', 'email', 'web'], 0.11, 24],
	['Christmas 2025', '2025-12-01', '2025-12-24', ['email', 'web'], 0.07, 12],
	['VIP Phone Outreach', '2025-02-01', '2025-11-30', ['phone'], 0.15, 6]
];
export const CAMPAIGN_COST = { email: 0.05, sms: 0.08, wechat: 0.3, web: 0.12, phone: 4.5 };
export const DELIVERY_SUCCESS = { email: 0.93, sms: 0.97, wechat: 0.98, web: 0.9, phone: 0.62 };

export const PAGES = [
	'/',
	'/products',
	'/products/{p}',
	'/products/{p}',
	'/search?q=tea',
	'/cart',
	'/checkout',
	'/account',
	'/orders',
	'/api/orders',
	'/api/cart',
	'/help'
];
