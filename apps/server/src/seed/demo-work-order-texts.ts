// Texts of the demo work orders (synthetic): what enterprises ask, and what the park answers.
import type { WorkOrderType } from '@zhiyuan/core';

export type OrderTemplate = { type: WorkOrderType; category: string; title: string; description: string; reply: string };

export const orderTemplates: readonly OrderTemplate[] = [
  { type: 'inquiry', category: '政策咨询', title: '高新技术企业认定申报条件咨询', description: '我司计划今年申报高新技术企业，想了解研发费用占比、知识产权数量等认定条件及申报时间。', reply: '已电话告知认定条件及今年申报时间安排，并发送申报指南，请按指南准备材料。' },
  { type: 'inquiry', category: '政策咨询', title: '研发费用加计扣除政策咨询', description: '咨询研发费用加计扣除比例及预缴申报时能否享受。', reply: '已解读最新加计扣除政策（比例 100%），并说明可在预缴申报时享受，附政策原文链接。' },
  { type: 'inquiry', category: '政策咨询', title: '专精特新中小企业申报咨询', description: '想了解市级专精特新中小企业的申报条件和所需材料。', reply: '已发送申报通知及材料清单，企业服务处可提供一对一辅导。' },
  { type: 'inquiry', category: '审批', title: '厂房装修施工许可办理流程咨询', description: '新租厂房需要装修改造，咨询是否需要办理施工许可及办理流程。', reply: '已说明装修工程规模标准及办理流程，建议通过政务服务网在线申报。' },
  { type: 'inquiry', category: '知识产权', title: '专利优先审查推荐咨询', description: '我司有一件发明专利申请希望走优先审查，咨询园区能否出具推荐意见。', reply: '已告知优先审查推荐条件及所需材料，材料齐全后 5 个工作日内出具推荐意见。' },
  { type: 'inquiry', category: '人才服务', title: '人才引进落户条件咨询', description: '公司拟引进一名博士研发人员，咨询办理人才引进落户的条件和流程。', reply: '已告知人才引进落户条件和申报窗口期，并提供申报系统操作指引。' },
  { type: 'help', category: '人才服务', title: '申请人才公寓', description: '我司新引进 3 名研发骨干，申请园区人才公寓，请协助安排。', reply: '已为企业登记人才公寓需求，2 套已配租，另 1 套纳入轮候并告知预计时间。' },
  { type: 'help', category: '人才服务', title: '员工子女入学协调', description: '公司引进的高级工程师子女需转学入读小学，请协助对接教育部门。', reply: '已协调区教委，按人才子女入学政策安排就近入学，学校已联系家长。' },
  { type: 'help', category: '融资', title: '融资对接需求', description: '公司正在进行 A 轮融资，希望园区推荐合作的投资机构。', reply: '已推荐 3 家合作投资机构并组织线上路演对接，后续由科技金融处跟进。' },
  { type: 'help', category: '融资', title: '申请知识产权质押贷款', description: '想用发明专利做质押申请银行贷款，请协助对接合作银行和评估机构。', reply: '已对接合作银行及评估机构，企业已提交贷款申请，贴息政策同步告知。' },
  { type: 'help', category: '用地用房', title: '扩大生产需新增办公用房', description: '企业规模扩大，需要在园区内新增约 800 平方米办公及研发用房。', reply: '已推荐 2 处符合条件的房源并陪同实地查看，企业已进入租赁洽谈。' },
  { type: 'help', category: '用地用房', title: '厂房漏水维修协调', description: '租用的园区厂房屋顶漏水，已影响设备使用，物业迟迟未修，请协助协调。', reply: '已协调物业公司，屋顶防水已于 3 日内完成维修，企业确认不再漏水。' },
  { type: 'help', category: '审批', title: '环评手续办理协助', description: '新建实验室需要办理环评手续，不清楚所需材料，请协助指导。', reply: '已邀请生态环境部门进行预审指导，企业已按要求补齐材料并提交。' },
  { type: 'help', category: '知识产权', title: '商标被抢注求助', description: '我司主要产品商标被他人抢注，请园区协助提供维权指导。', reply: '已对接知识产权服务机构提供免费咨询，并指导企业提出商标无效宣告。' },
  { type: 'help', category: '其他', title: '园区道路夜间照明不足', description: '企业门前道路路灯损坏多日，员工夜间下班存在安全隐患。', reply: '已通知市政养护单位，路灯已修复，并安排巡查确认。' },
  { type: 'help', category: '其他', title: '班车线路调整需求', description: '园区班车停靠站距离公司较远，希望增设停靠站点。', reply: '已与公交公司沟通，新增停靠站点已于下周一起启用。' },
  { type: 'complaint', category: '审批', title: '审批材料多次退回', description: '我司申报材料被退回三次，每次提出不同的修改意见，要求一次性告知。', reply: '已核实并致歉，安排专人一次性告知全部修改要求，材料已于次日受理。' },
  { type: 'complaint', category: '用地用房', title: '物业费收费标准不透明', description: '物业公司今年上调物业费，未公示收费依据，多次询问无答复。', reply: '已约谈物业公司，要求公示收费标准及依据，多收部分已退还。' },
  { type: 'complaint', category: '其他', title: '周边施工噪声扰民', description: '园区旁工地夜间施工噪声大，影响员工休息及实验设备运行。', reply: '已协调城管执法部门，施工单位已调整作业时间，夜间停止高噪声作业。' },
  { type: 'complaint', category: '人才服务', title: '人才补贴发放延迟', description: '去年申报的人才补贴至今未到账，咨询多次无明确答复。', reply: '已核查，补贴因银行账户信息有误退回，已更正并重新拨付到账。' },
  { type: 'suggestion', category: '其他', title: '建议增设共享会议室', description: '建议园区增设可预约的共享会议室，方便中小企业接待客户。', reply: '感谢建议，园区已在服务中心开放 2 间共享会议室，可在线预约。' },
  { type: 'suggestion', category: '政策咨询', title: '建议政策兑现线上办理', description: '建议政策补贴申报和兑现全部线上办理，减少企业跑动。', reply: '感谢建议，政策兑现系统已纳入今年建设计划，上线后将通知企业。' },
  { type: 'suggestion', category: '人才服务', title: '建议举办人才招聘会', description: '建议园区定期举办专场招聘会，帮助企业招聘技术人才。', reply: '感谢建议，园区将每季度举办一次专场招聘会，首场已确定时间。' },
  { type: 'suggestion', category: '融资', title: '建议组织投融资路演活动', description: '希望园区定期组织投融资路演，帮助早期企业对接资本。', reply: '感谢建议，科技金融处将每月组织一期路演，欢迎报名。' },
];

/** Problems service officers find on visits; some become work orders. */
export const visitProblemTexts = [
  '企业反映研发人员住房困难，希望申请人才公寓',
  '企业扩产需新增约 1000 平方米厂房，希望园区推荐房源',
  '企业有流动资金贷款需求，希望对接银行',
  '企业对高新技术企业复审材料准备有疑问',
  '企业反映园区周边停车位紧张',
  '企业希望了解专精特新申报政策',
  '企业反映办公楼电梯经常故障',
  '企业有专利布局需求，希望对接知识产权服务机构',
  '企业拟申请研发费用补贴，不清楚申报流程',
  '企业反映员工通勤班车班次少',
];

export const visitTopics = ['经营情况', '政策需求', '融资需求', '人才需求', '用地用房', '知识产权', '上市培育', '研发投入', '产业链配套'];
export const visitPeople = ['总经理', '董事长', '财务总监', '行政总监', '研发总监', '人力资源经理', '董事会秘书'];
export const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];

export const referrals = [
  { to: '区市场监督管理局', reason: '该事项属于市场监管部门职责，已转交', nextStep: '请拨打 12315 或前往区市场监管局政务服务窗口办理' },
  { to: '区人力资源和社会保障局', reason: '劳动争议事项由人社部门受理', nextStep: '请向区劳动人事争议仲裁委员会申请仲裁，电话 12333' },
  { to: '区税务局', reason: '涉税事项由税务部门办理', nextStep: '请通过电子税务局或拨打 12366 咨询' },
];
export const declines = [
  { reason: '诉求涉及企业之间的合同纠纷，不属于管委会职责范围', nextStep: '建议通过人民法院或仲裁机构解决' },
  { reason: '所述房屋为企业自有产权，维修责任在企业自身', nextStep: '建议联系有资质的维修单位处理' },
];
export const supervisionReasons = ['企业反映强烈，请加快办理', '涉及多家企业，请主办部门优先处理', '领导批示：请于本周内办结并反馈'];
export const ratingComments = ['办理及时，非常满意', '态度很好，解决了实际问题', '回复很专业', '流程还可以再简化', '解决得比较慢'];
