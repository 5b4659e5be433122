-- A few realistic hotline descriptions, combined at random so that bodies differ.
places = { "东城区和平路", "西湖区文三路", "南山区科技园", "东城区建设街", "西湖区天目山路", "南山区滨海大道" }
problems = {
   "小区门口占道经营，早晚高峰行人无法通行",
   "工地夜间施工噪音扰民，已持续一周",
   "雨后路面积水严重，污水从井盖冒出",
   "楼道墙体出现裂缝，担心房屋安全",
   "物业擅自提高收费标准，未经业主大会",
   "咨询公积金贷款额度如何计算",
}
categories = { "STREET", "NOISE", "DRAIN-SEWAGE", "HOUSE-QUALITY", "PROPERTY", "CONSULT" }
districts = { "DCQ", "XHQ", "NSQ" }

function pick(list)
   return list[math.random(#list)]
end
