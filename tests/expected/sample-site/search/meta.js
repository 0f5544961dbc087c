window.SITEGEN_SEARCH_META={"v":4,"chunk":10,"docs":7,"layers":[["s",0,1]],"themes":[["Diplomacy","外交"],["Economy \u0026 trade","经济贸易"],["Local life","地方民生"]]};
